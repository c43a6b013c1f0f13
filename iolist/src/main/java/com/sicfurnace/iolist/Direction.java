package com.sicfurnace.iolist;

/** Seen from the controller: an input is read from the furnace, an output is written to it. */
public enum Direction {
    IN, OUT;

    static Direction parse(String text) {
        return switch (text) {
            case "in" -> IN;
            case "out" -> OUT;
            default -> throw new IllegalArgumentException("direction must be 'in' or 'out', not '" + text + "'");
        };
    }
}
