package io.github.b2bpack.sms.budget;

/**
 * The atomic operations budgets need from a cluster-wide store. In Keycloak this is the
 * {@code SingleUseObjectProvider}; unit tests use an in-memory map. Only {@link #claim} decides
 * anything: hints may be stale or missing without letting a send through over its cap.
 */
public interface SlotStore {

    /** Atomically takes {@code key} for {@code lifespanSeconds}; false when someone holds it already. */
    boolean claim(String key, long lifespanSeconds);

    /** Gives a claimed key back (a send that another cap refused). */
    void release(String key);

    /** A non-authoritative hint (the next slot likely free), or -1 when there is none. */
    int hint(String key);

    void hint(String key, int value, long lifespanSeconds);
}
