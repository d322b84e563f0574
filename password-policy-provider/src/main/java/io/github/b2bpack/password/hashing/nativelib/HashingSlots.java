package io.github.b2bpack.password.hashing.nativelib;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The hashes allowed to run at once on this node, each holding its Argon2 memory outside the heap.
 * A caller waits for a slot at most {@code maxWait}: a flood of logins (or a few very costly ones) then
 * turns into quick failures instead of request threads parked for ever behind the semaphore.
 */
final class HashingSlots {

    private final Semaphore permits;
    private final Duration maxWait;

    HashingSlots(int slots, Duration maxWait) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one hashing slot is needed, got " + slots);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the wait for a hashing slot must be positive");
        }
        this.permits = new Semaphore(slots, true);
        this.maxWait = maxWait;
    }

    /**
     * Takes a slot, to be given back with {@link #release()}.
     *
     * @throws HashingBusyException when no slot frees up within the wait (or the thread is interrupted)
     */
    void acquire() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException("interrupted while waiting for an Argon2 hashing slot");
        }
        if (!acquired) {
            throw new HashingBusyException("no Argon2 hashing slot free within " + maxWait.toMillis() + " ms");
        }
    }

    void release() {
        permits.release();
    }
}
