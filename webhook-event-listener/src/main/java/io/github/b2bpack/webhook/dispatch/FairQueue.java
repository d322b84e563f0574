package io.github.b2bpack.webhook.dispatch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A node's fair share of its senders between realms: each realm may have at most {@code perRealm} attempts in
 * flight (direct and swept ones together), and waiting direct deliveries are queued per realm and served round
 * robin. So a realm whose receivers hang holds at most {@code perRealm} senders, and the events of other realms
 * never queue behind its backlog. In-memory scheduling state of this node only (what is in flight here);
 * deliveries themselves stay in the database. Synchronized: a few short critical sections per delivery.
 *
 * @param <T> a waiting delivery
 */
final class FairQueue<T> implements RealmSlots {

    private final int capacity;
    private final int perRealm;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final LinkedHashMap<String, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private int size;

    FairQueue(int capacity, int perRealm) {
        if (perRealm < 1) {
            throw new IllegalArgumentException("perRealm must be at least 1");
        }
        this.capacity = capacity;
        this.perRealm = perRealm;
    }

    /** Takes a slot of {@code realm} when it has one free and nothing of it waits (the fast path); false otherwise. */
    synchronized boolean tryAcquireIfIdle(String realm) {
        return !waiting.containsKey(realm) && tryAcquire(realm);
    }

    @Override
    public synchronized boolean tryAcquire(String realm) {
        int n = inFlight.getOrDefault(realm, 0);
        if (n >= perRealm) {
            return false;
        }
        inFlight.put(realm, n + 1);
        return true;
    }

    @Override
    public synchronized void release(String realm) {
        int n = inFlight.getOrDefault(realm, 0);
        if (n <= 1) {
            inFlight.remove(realm);
        } else {
            inFlight.put(realm, n - 1);
        }
    }

    /** Queues {@code item} behind its realm's waiting ones; false when the queue is full. */
    synchronized boolean offer(String realm, T item) {
        if (size >= capacity) {
            return false;
        }
        waiting.computeIfAbsent(realm, r -> new ArrayDeque<>()).addLast(item);
        size++;
        return true;
    }

    /**
     * The oldest waiting item of the first realm, in round-robin order, that has a free slot; its slot is taken.
     * Null when nothing waits or every realm with waiting items is at its limit.
     */
    synchronized Taken<T> poll() {
        for (Iterator<Map.Entry<String, ArrayDeque<T>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ArrayDeque<T>> entry = it.next();
            String realm = entry.getKey();
            if (tryAcquire(realm)) {
                T item = entry.getValue().pollFirst();
                size--;
                it.remove();
                if (!entry.getValue().isEmpty()) {
                    waiting.put(realm, entry.getValue()); // to the back: the next poll serves another realm first
                }
                return new Taken<>(realm, item);
            }
        }
        return null;
    }

    /** True when some waiting item's realm has a free slot (a poll would return it). */
    synchronized boolean hasReady() {
        for (String realm : waiting.keySet()) {
            if (inFlight.getOrDefault(realm, 0) < perRealm) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Set<String> saturated() {
        Set<String> full = new HashSet<>();
        inFlight.forEach((realm, n) -> {
            if (n >= perRealm) {
                full.add(realm);
            }
        });
        return full;
    }

    synchronized int waiting() {
        return size;
    }

    record Taken<T>(String realm, T item) {}
}
