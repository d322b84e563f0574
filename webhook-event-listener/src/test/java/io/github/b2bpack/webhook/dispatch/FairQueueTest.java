package io.github.b2bpack.webhook.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairQueueTest {

    @Test
    void aRealmAtItsLimitDoesNotHoldBackAnother() {
        FairQueue<String> q = new FairQueue<>(100, 2);
        assertTrue(q.tryAcquireIfIdle("a"));
        assertTrue(q.tryAcquireIfIdle("a"));
        assertFalse(q.tryAcquireIfIdle("a"), "a is at its limit");
        for (int i = 0; i < 10; i++) {
            assertTrue(q.offer("a", "a" + i));
        }
        assertTrue(q.offer("b", "b0"));
        assertEquals(Set.of("a"), q.saturated());
        FairQueue.Taken<String> next = q.poll();
        assertEquals("b0", next.item(), "b is served although a's backlog came first");
        assertNull(q.poll(), "only a waits, and it is full");
        assertFalse(q.hasReady());
        q.release("a");
        assertTrue(q.hasReady());
        assertEquals("a0", q.poll().item());
        assertNull(q.poll());
    }

    @Test
    void waitingRealmsAreServedRoundRobin() {
        FairQueue<String> q = new FairQueue<>(100, 100);
        for (int i = 0; i < 3; i++) {
            q.offer("a", "a" + i);
        }
        q.offer("b", "b0");
        q.offer("c", "c0");
        List<String> order = new ArrayList<>();
        FairQueue.Taken<String> t;
        while ((t = q.poll()) != null) {
            order.add(t.item());
        }
        assertEquals(List.of("a0", "b0", "c0", "a1", "a2"), order);
    }

    @Test
    void theQueueIsBounded() {
        FairQueue<String> q = new FairQueue<>(2, 1);
        assertTrue(q.offer("a", "1"));
        assertTrue(q.offer("b", "2"));
        assertFalse(q.offer("c", "3"));
        assertEquals(2, q.waiting());
        assertFalse(q.tryAcquireIfIdle("a"), "a has waiting items: new ones queue behind them");
    }
}
