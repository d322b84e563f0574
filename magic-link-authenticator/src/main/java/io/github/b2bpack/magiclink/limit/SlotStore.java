package io.github.b2bpack.magiclink.limit;

/** The one atomic operation the limits need: take a key for a while, or learn someone holds it. */
public interface SlotStore {

    /** Atomically takes {@code key} for {@code lifespanSeconds}; false when it is held already. */
    boolean claim(String key, long lifespanSeconds);

    /** Gives a claimed key back (a send that another limit refused). */
    void release(String key);
}
