package io.github.b2bpack.sms.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Claims one slot of every cap that applies to a send, before the send, with the store's atomic
 * claim only: under any number of parallel requests on any number of nodes at most {@code limit}
 * claims of a cap succeed per window. When one cap is full, the slots already taken for the others
 * are given back and nothing is sent.
 */
public final class Budgets {

    /** One cap for one subject: {@code base} is the subject's key prefix in the store. */
    public record Request(String base, Cap cap) {}

    /** {@code refusedBy} is null when every cap granted a slot. */
    public record Outcome(Cap refusedBy) {
        public boolean granted() {
            return refusedBy == null;
        }
    }

    private Budgets() {}

    public static Outcome claimAll(SlotStore store, List<Request> requests, long nowMillis) {
        List<String> claimed = new ArrayList<>();
        for (Request r : requests) {
            String key = claim(store, r.base(), r.cap(), nowMillis);
            if (key == null) {
                claimed.forEach(store::release);
                return new Outcome(r.cap());
            }
            claimed.add(key);
        }
        return new Outcome(null);
    }

    /** The key of the slot taken, or null when the cap is full. */
    public static String claim(SlotStore store, String base, Cap cap, long nowMillis) {
        int slot = claimIndex(store, base, cap, nowMillis);
        if (slot < 0) {
            return null;
        }
        return cap.sliding()
                ? SlotPlan.slidingKey(base, slot)
                : SlotPlan.bucketKey(base, SlotPlan.windowIndex(nowMillis, cap.windowSeconds()), slot);
    }

    /**
     * The index of the slot taken (0-based), or -1 when all {@code limit} slots are held. Sliding caps
     * probe from slot 0, since any slot may have freed itself. Fixed windows probe upwards from the
     * hint: a hint that lags costs probes, one that runs ahead (past a slot given back) only leaves that
     * slot unused until the window ends. Either way only the store's claim grants a slot, so the cap
     * is never exceeded.
     */
    public static int claimIndex(SlotStore store, String base, Cap cap, long nowMillis) {
        if (cap.sliding()) {
            for (int i = 0; i < cap.limit(); i++) {
                if (store.claim(SlotPlan.slidingKey(base, i), cap.windowSeconds())) {
                    return i;
                }
            }
            return -1;
        }
        long window = SlotPlan.windowIndex(nowMillis, cap.windowSeconds());
        long lifespan = SlotPlan.bucketLifespanSeconds(nowMillis, cap.windowSeconds());
        String hintKey = SlotPlan.hintKey(base, window);
        int start = SlotPlan.firstProbe(store.hint(hintKey), cap.limit());
        for (int i = start; i < cap.limit(); i++) {
            if (store.claim(SlotPlan.bucketKey(base, window, i), lifespan)) {
                store.hint(hintKey, i + 1, lifespan);
                return i;
            }
        }
        store.hint(hintKey, cap.limit(), lifespan);
        return -1;
    }
}
