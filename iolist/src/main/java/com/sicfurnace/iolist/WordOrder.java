package com.sicfurnace.iolist;

/**
 * Order of the two 16-bit registers of a 32-bit value. ABCD is big-endian (high word first); CDAB, the
 * "word-swapped" order that many field devices use, sends the low word first.
 */
public enum WordOrder {
    ABCD, CDAB;

    static WordOrder parse(String text) {
        return switch (text) {
            case "ABCD" -> ABCD;
            case "CDAB" -> CDAB;
            default -> throw new IllegalArgumentException("word_order must be ABCD or CDAB, not '" + text + "'");
        };
    }
}
