package io.github.b2bpack.webhook.dispatch;

import java.util.Set;

/** Each realm's share of this node's senders, as a claim takes from it: a slot per attempt in flight. */
public interface RealmSlots {

    /** Realms at their limit: a claim leaves their due rows for later. */
    Set<String> saturated();

    /** Takes a slot of {@code realm} when it has one free. */
    boolean tryAcquire(String realm);

    /** Gives back a slot of {@code realm}. */
    void release(String realm);
}
