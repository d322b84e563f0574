package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.Cap;
import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.code.PendingCode;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The code pending for one user and purpose, its attempt slots and its resend cooldown, as entries of
 * Keycloak's cluster-wide {@link SingleUseObjectProvider}. Every decision is one atomic operation of
 * that store ({@code putIfAbsent}, {@code remove} returning what it removed), never a read followed by
 * a write, so it holds under parallel requests and across the nodes of a cluster.
 */
final class PendingCodes {

    /**
     * The store keeps a code this long past its expiry (it is refused by its own timestamp), so a late
     * entry is told "expired" rather than "no code".
     */
    static final long EXPIRED_GRACE_SECONDS = 60;

    private final SingleUseObjectProvider store;
    private final ChallengeKeys keys;

    PendingCodes(SingleUseObjectProvider store, ChallengeKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** The store as budget slots, for the caps a send must fit in. */
    StoreSlots slots() {
        return new StoreSlots(store);
    }

    /** The stored code, expired or not; null when there is none. */
    PendingCode stored() {
        return PendingCode.fromMap(store.get(keys.code()));
    }

    /** The stored code while it is still valid. */
    PendingCode live(long nowMillis) {
        PendingCode pending = stored();
        return pending == null || CodeCheck.expired(pending, nowMillis) ? null : pending;
    }

    void put(PendingCode pending, long ttlSeconds) {
        store.put(keys.code(), ttlSeconds + EXPIRED_GRACE_SECONDS, pending.toMap());
    }

    void discard() {
        store.remove(keys.code());
    }

    /**
     * Removes the pending code if it is still {@code pending}; true when this call removed it. The
     * store's remove is atomic and returns what it removed, so of parallel callers exactly one gets
     * the code. A newer code removed by mistake (sent in between) is put back.
     */
    boolean removeIfStill(PendingCode pending, long nowMillis) {
        Map<String, String> removed = store.remove(keys.code());
        PendingCode taken = PendingCode.fromMap(removed);
        if (taken == null) {
            return false;
        }
        if (!taken.id().equals(pending.id())) {
            store.put(keys.code(), secondsLeft(taken, nowMillis), removed);
            return false;
        }
        return true;
    }

    /**
     * Claims one of the code's {@code maxAttempts} attempt slots: its 0-based index, or -1 when all
     * were taken. Atomic, so parallel entries are each counted.
     */
    int claimAttempt(PendingCode pending, int maxAttempts, long nowMillis) {
        return Budgets.claimIndex(
                slots(),
                ChallengeKeys.attempts(pending.id()),
                new Cap("attempts", maxAttempts, secondsLeft(pending, nowMillis)),
                nowMillis);
    }

    /** One atomic claim held for the cooldown; false while an earlier send's claim holds. */
    boolean claimCooldown(long cooldownSeconds, long nowMillis) {
        if (!store.putIfAbsent(keys.cooldown(), cooldownSeconds)) {
            return false;
        }
        // Only for the "wait n seconds" message; the claim above is what enforces the cooldown.
        store.put(keys.cooldownAt(), cooldownSeconds, Map.of("at", Long.toString(nowMillis)));
        return true;
    }

    /** The code did its job: the next SMS starts a new challenge, not a resend. */
    void endCooldown() {
        store.remove(keys.cooldown());
        store.remove(keys.cooldownAt());
    }

    /** Seconds before the resend link works again: 0 without a cooldown claim, else at least 1. */
    long resendWaitSeconds(long cooldownMillis, long nowMillis) {
        if (cooldownMillis <= 0 || !store.contains(keys.cooldown())) {
            return 0;
        }
        Map<String, String> at = store.get(keys.cooldownAt());
        long sentAt;
        try {
            sentAt = at == null ? nowMillis : Long.parseLong(at.get("at"));
        } catch (RuntimeException e) {
            sentAt = nowMillis;
        }
        return Math.max(1, CodeCheck.resendWaitSeconds(sentAt, nowMillis, cooldownMillis));
    }

    /** The code's remaining lifetime plus the grace, as a store lifespan. */
    private static long secondsLeft(PendingCode pending, long nowMillis) {
        return Math.max(1, (pending.expiresAtMillis() - nowMillis) / 1000) + EXPIRED_GRACE_SECONDS;
    }
}
