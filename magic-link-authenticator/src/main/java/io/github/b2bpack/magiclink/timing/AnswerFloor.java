package io.github.b2bpack.magiclink.timing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The earliest an answer may leave, measured from when its request started ({@link System#nanoTime()}). Equal work
 * for known and unknown addresses removes most of the timing difference; this hides what remains (JIT, caches, a
 * busy database) as long as the work ends before the floor.
 *
 * @param minimumNanos how long after the start the answer may leave; 0 means at once
 */
public record AnswerFloor(long minimumNanos) {

    public AnswerFloor {
        if (minimumNanos < 0) {
            throw new IllegalArgumentException("minimumNanos must not be negative");
        }
    }

    public static AnswerFloor ofMillis(int millis) {
        return new AnswerFloor(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** How much longer an answer started at {@code startNanos} must wait at {@code nowNanos} (0 when late enough). */
    public long remainingNanos(long startNanos, long nowNanos) {
        return Math.max(0L, minimumNanos - (nowNanos - startNanos));
    }

    /**
     * Parks the calling thread until the floor is reached. An interrupt ends the wait early and stays set (the
     * server is shutting the request down; holding it further protects nothing).
     */
    public void hold(long startNanos) {
        long remaining = remainingNanos(startNanos, System.nanoTime());
        while (remaining > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(remaining);
            remaining = remainingNanos(startNanos, System.nanoTime());
        }
    }
}
