package io.github.b2bpack.sms.budget;

/**
 * Where the slots of a cap live and how long they are held. Pure arithmetic on the clock, shared by
 * every node of a cluster (all nodes derive the same keys from the same time).
 *
 * <ul>
 *   <li>Sliding caps ({@code limit <= SLIDING_MAX}): keys {@code <base>:s:<i>} for {@code i < limit}, each
 *   held for a whole window from its send.</li>
 *   <li>Fixed-window caps: keys {@code <base>:w:<windowIndex>:<i>}, held until the end of the window (plus a
 *   second), with the hint {@code <base>:w:<windowIndex>:next}. A burst straddling two windows can reach
 *   twice the limit within one window's length; the limit holds within each window.</li>
 * </ul>
 */
final class SlotPlan {

    /** Above this many slots a sliding window costs too many store round trips when it is nearly full. */
    static final int SLIDING_MAX = 100;

    private SlotPlan() {}

    static long windowIndex(long nowMillis, long windowSeconds) {
        return Math.floorDiv(nowMillis, windowSeconds * 1000);
    }

    static String slidingKey(String base, int slot) {
        return base + ":s:" + slot;
    }

    static String bucketKey(String base, long windowIndex, int slot) {
        return base + ":w:" + windowIndex + ":" + slot;
    }

    static String hintKey(String base, long windowIndex) {
        return base + ":w:" + windowIndex + ":next";
    }

    /** Seconds from now to the end of the current fixed window, plus one so a slot never frees early. */
    static long bucketLifespanSeconds(long nowMillis, long windowSeconds) {
        long windowMillis = windowSeconds * 1000;
        long end = (windowIndex(nowMillis, windowSeconds) + 1) * windowMillis;
        return Math.max(1, (end - nowMillis + 999) / 1000) + 1;
    }

    /**
     * Where to start probing a fixed window: slot 0 without a hint, else the hint ({@code limit} when the
     * window was seen full, so a refused send costs no probe at all).
     */
    static int firstProbe(int hint, int limit) {
        return hint < 0 ? 0 : Math.min(hint, limit);
    }
}
