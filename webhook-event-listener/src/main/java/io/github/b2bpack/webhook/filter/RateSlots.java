package io.github.b2bpack.webhook.filter;

/**
 * The arithmetic of a per-webhook rate limit, kept apart from the SQL that applies it. A webhook limited to
 * {@code r} deliveries per second sends at most one delivery per {@link #intervalMillis interval} of
 * {@code ceil(1000 / r)} ms; the database holds the webhook's next free slot, and a claim reserves slots from it
 * ({@link #reserve}). Slots are granted up to {@link #HORIZON_MILLIS} ahead, the delivery waiting for its slot on the
 * sender thread; a row that got none goes back to the queue, due at a slot time after the last one reserved.
 *
 * @param granted    rows that may be sent: row {@code i < granted} at {@code firstSlot + i * interval}
 * @param firstSlot  the first granted slot (epoch millis)
 * @param nextSlotAt the webhook's next free slot after this reservation: what the database keeps
 * @param interval   milliseconds between two slots
 */
public record RateSlots(int granted, long firstSlot, long nextSlotAt, long interval) {

    public static final int MIN_PER_SECOND = 1;
    public static final int MAX_PER_SECOND = 1000;
    /**
     * How far ahead of now a slot may be granted: the delivery then waits at most this long on a sender thread. With
     * 0, a webhook could send only one delivery per claim pass; a claim pass every 100 ms lets the highest limit be
     * reached without holding senders long.
     */
    public static final long HORIZON_MILLIS = 100;

    /** Milliseconds between two deliveries of a webhook limited to {@code perSecond}: rounded up, never faster. */
    public static long intervalMillis(int perSecond) {
        if (perSecond < MIN_PER_SECOND || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("rate limit out of range: " + perSecond);
        }
        return (1000 + perSecond - 1) / perSecond;
    }

    /**
     * Reserves up to {@code wanted} slots at {@code now} from a webhook whose next free slot is {@code nextSlotAt}:
     * consecutive slots from {@code max(nextSlotAt, now)} that start no later than {@code now + HORIZON_MILLIS}.
     */
    public static RateSlots reserve(long nextSlotAt, long now, int perSecond, int wanted) {
        long interval = intervalMillis(perSecond);
        long start = Math.max(nextSlotAt, now);
        long last = now + HORIZON_MILLIS;
        int granted = start > last || wanted <= 0 ? 0 : (int) Math.min(wanted, (last - start) / interval + 1);
        return new RateSlots(granted, start, start + granted * interval, interval);
    }

    /** When row {@code i} is sent (a granted one) or due again (one put back), epoch millis. */
    public long slot(int i) {
        return firstSlot + i * interval;
    }
}
