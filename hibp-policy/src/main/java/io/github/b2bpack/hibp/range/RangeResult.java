package io.github.b2bpack.hibp.range;

import java.util.Map;

/**
 * One prefix's answer from the range API: suffix (35 upper-case hex characters) to breach count.
 * Padding lines (count 0) are never stored, so an absent suffix and a padded one look the same.
 */
public record RangeResult(Map<String, Long> counts) {

    public RangeResult {
        counts = Map.copyOf(counts);
    }

    /** Breach count of a suffix, 0 when the password is not in the data set. */
    public long count(String suffix) {
        Long count = counts.get(suffix);
        return count == null ? 0 : count;
    }

    /**
     * Heap this answer holds, estimated from its shape (64-bit JVM, compressed references): per entry a
     * 35-character Latin-1 String (24-byte object, 56-byte array), a Long (16; small ones are shared, so
     * this overestimates) and two table slots of the immutable map (8); plus the objects around them.
     * An estimate for the cache's weigher, deliberately on the high side.
     */
    public long estimatedBytes() {
        return BASE_BYTES + (long) counts.size() * BYTES_PER_ENTRY;
    }

    private static final long BASE_BYTES = 128;
    private static final long BYTES_PER_ENTRY = 24 + 56 + 16 + 8 * 2;
}
