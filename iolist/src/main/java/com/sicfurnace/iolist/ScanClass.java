package com.sicfurnace.iolist;

/** How often a signal needs to be refreshed: every scan (fast) or about once a second (slow). */
public enum ScanClass {
    FAST, SLOW;

    static ScanClass parse(String text) {
        return switch (text) {
            case "fast" -> FAST;
            case "slow" -> SLOW;
            default -> throw new IllegalArgumentException("scan_class must be 'fast' or 'slow', not '" + text + "'");
        };
    }
}
