package io.github.b2bpack.hibp.lookup;

import java.util.Locale;

/** Where breach counts come from. */
public enum LookupMode {
    /** The range API only. */
    ONLINE,
    /** The memory-mapped offline index only; no network at all. */
    OFFLINE,
    /** The offline index first; a password it does not list is asked online (the index may be older). */
    OFFLINE_THEN_ONLINE;

    public static LookupMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "online" -> ONLINE;
            case "offline" -> OFFLINE;
            case "offline-then-online" -> OFFLINE_THEN_ONLINE;
            default -> throw new IllegalArgumentException("mode must be online, offline or offline-then-online");
        };
    }

    public boolean usesOffline() {
        return this != ONLINE;
    }

    public boolean usesOnline() {
        return this != OFFLINE;
    }
}
