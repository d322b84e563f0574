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

    public int size() {
        return counts.size();
    }
}
