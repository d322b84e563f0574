package io.github.b2bpack.webhook.dispatch;

import static io.github.b2bpack.webhook.dispatch.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's threads and queues with a fake sender and a fake claimer: no database, no HTTP, no Keycloak. */
class DispatcherTest {

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final FakeSender sender = new FakeSender();
    private final List<Dispatcher> started = new ArrayList<>();

    @AfterEach
    void stop() {
        sender.open();
        started.forEach(Dispatcher::close);
    }

    private Dispatcher dispatcher(int senders, int perRealm, Duration staleAfter, Dispatcher.Claimer claimer) {
        Dispatcher d = new Dispatcher(senders, 100, perRealm, staleAfter, claimer);
        started.add(d);
        return d;
    }

    private static Dispatcher.Claimer nothingDue() {
        return nothingDue(new AtomicInteger());
    }

    /** A claimer that finds nothing due and counts the claims. */
    private static Dispatcher.Claimer nothingDue(AtomicInteger calls) {
        return (limit, slots) -> {
            calls.incrementAndGet();
            return List.of();
        };
    }

    @Test
    void directAttemptsGoToFreeSendersAtOnce() {
        Dispatcher d = dispatcher(4, 4, FRESH, nothingDue());
        d.direct(List.of(sender.job("a"), sender.job("a"), sender.job("b")));
        await(() -> sender.sent() == 3, "three sends");
        assertEquals(2, sender.sent("a"));
        assertEquals(1, sender.sent("b"));
    }

    @Test
    void aRealmWhoseReceiverHangsHoldsOnlyItsShareAndOtherRealmsPassIt() {
        Dispatcher d = dispatcher(4, 2, FRESH, nothingDue());
        sender.hold();
        d.direct(IntStream.range(0, 5).mapToObj(i -> sender.job("slow")).toList());
        await(() -> sender.inFlight("slow") == 2, "two of the slow realm in flight");
        d.direct(List.of(sender.job("fast")));
        await(() -> sender.inFlight("fast") == 1, "the other realm is sent while the slow one waits");
        assertEquals(2, sender.maxInFlight("slow"), "never more than the realm's share");

        sender.open();
        await(() -> sender.sent("slow") == 5, "the slow realm's waiting attempts go once its receiver answers");
        assertEquals(2, sender.maxInFlight("slow"));
    }

    @Test
    void noMoreAttemptsInFlightThanSenders() {
        Dispatcher d = dispatcher(3, 10, FRESH, nothingDue());
        sender.hold();
        d.direct(IntStream.range(0, 8).mapToObj(i -> sender.job("realm-" + i)).toList());
        await(() -> sender.inFlight() == 3, "three senders busy");
        sender.open();
        await(() -> sender.sent() == 8, "all sent");
        assertEquals(3, sender.maxInFlight());
    }

    @Test
    void aDirectAttemptThatWaitedTooLongIsLeftToTheSweepAndItsSlotFreed() {
        Dispatcher d = dispatcher(1, 1, Duration.ofMillis(100), nothingDue());
        sender.hold();
        d.direct(List.of(sender.job("a")));
        await(() -> sender.inFlight("a") == 1, "first in flight");
        d.direct(List.of(new Job("a", System.currentTimeMillis() - 1_000, () -> sender.send("stale"))));
        sender.open();
        await(() -> sender.sent("a") == 1, "first sent");
        d.direct(List.of(sender.job("a")));
        await(() -> sender.sent("a") == 2, "the stale attempt gave its slot back");
        assertEquals(0, sender.sent("stale"), "a stale attempt is never sent here: its claim is about to expire");
    }

    @Test
    void aClaimPassSendsWhatTheClaimerHoldsAndARealmAtItsShareWaitsForItsSlot() {
        List<Set<String>> saturatedSeen = new CopyOnWriteArrayList<>();
        AtomicInteger due = new AtomicInteger(2);
        // Like the outbox's claimer: a due row is taken only when its realm has a free slot.
        Dispatcher d = dispatcher(4, 1, FRESH, (limit, slots) -> {
            saturatedSeen.add(Set.copyOf(slots.saturated()));
            if (due.get() > 0 && slots.tryAcquire("a")) {
                due.decrementAndGet();
                return List.of(sender.job("a"));
            }
            return List.of();
        });
        sender.hold();
        d.drain();
        await(() -> sender.inFlight("a") == 1 && saturatedSeen.size() == 2, "first claim in flight, pass over");
        assertEquals(
                List.of(Set.of(), Set.of("a")), saturatedSeen, "the realm at its share is skipped by the next claim");
        assertEquals(1, due.get(), "its other due row waits");

        sender.open();
        await(() -> sender.sent("a") == 1 && sender.inFlight() == 0, "first attempt ended");
        d.drain();
        await(() -> sender.sent("a") == 2, "the slot came back with the attempt's end: the next pass claims the rest");
        assertEquals(0, due.get());
    }

    @Test
    void theClaimerIsAskedForNoMoreThanTheFreeSenders() {
        List<Integer> limits = new CopyOnWriteArrayList<>();
        Dispatcher d = dispatcher(2, 2, FRESH, (limit, slots) -> {
            limits.add(limit);
            return List.of();
        });
        d.drain();
        await(() -> limits.size() == 1, "one claim");
        assertEquals(List.of(2), limits);
    }

    @Test
    void aFailedClaimDoesNotStopLaterPasses() {
        AtomicInteger calls = new AtomicInteger();
        Dispatcher d = dispatcher(2, 2, FRESH, (limit, slots) -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("database down");
            }
            return n == 2 ? List.of(sender.job("a")) : List.of();
        });
        d.drain();
        await(() -> calls.get() == 1, "first claim failed");
        d.drain();
        await(() -> sender.sent("a") == 1, "the next pass claims and sends");
    }

    @Test
    void wakeUpsArrivingTogetherMakeOneClaimPass() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Dispatcher d = dispatcher(2, 2, FRESH, nothingDue(calls));
        for (int i = 0; i < 20; i++) {
            d.wake();
        }
        await(() -> calls.get() == 1, "one pass after the linger");
        Thread.sleep(300);
        assertEquals(1, calls.get(), "wake-ups during the linger were folded into it");
    }

    @Test
    void periodicTasksRunOnTheTimer() {
        Dispatcher d = dispatcher(1, 1, FRESH, nothingDue());
        AtomicInteger runs = new AtomicInteger();
        d.every(Duration.ofMillis(20), runs::incrementAndGet);
        await(() -> runs.get() >= 3, "three runs");
    }

    @Test
    void aClosedDispatcherTakesNoMoreWork() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Dispatcher d = dispatcher(2, 2, FRESH, nothingDue(calls));
        d.close();
        d.direct(List.of(sender.job("a")));
        d.drain();
        d.wake();
        Thread.sleep(200);
        assertEquals(0, sender.sent());
        assertEquals(0, calls.get());
    }

    /** Stands in for the HTTP sender: counts sends and attempts in flight per realm, and can hold them until opened. */
    private static final class FakeSender {

        private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
        private final AtomicInteger inFlightTotal = new AtomicInteger();
        private final AtomicInteger maxInFlightTotal = new AtomicInteger();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        Job job(String realm) {
            return new Job(realm, System.currentTimeMillis(), () -> send(realm));
        }

        void hold() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void send(String realm) {
            int now = counter(inFlight, realm).incrementAndGet();
            counter(maxInFlight, realm).accumulateAndGet(now, Math::max);
            maxInFlightTotal.accumulateAndGet(inFlightTotal.incrementAndGet(), Math::max);
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                counter(sent, realm).incrementAndGet();
                counter(inFlight, realm).decrementAndGet();
                inFlightTotal.decrementAndGet();
            }
        }

        int sent(String realm) {
            return counter(sent, realm).get();
        }

        int sent() {
            return sent.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int inFlight(String realm) {
            return counter(inFlight, realm).get();
        }

        int inFlight() {
            return inFlightTotal.get();
        }

        int maxInFlight(String realm) {
            return counter(maxInFlight, realm).get();
        }

        int maxInFlight() {
            return maxInFlightTotal.get();
        }

        private static AtomicInteger counter(Map<String, AtomicInteger> map, String realm) {
            return map.computeIfAbsent(realm, r -> new AtomicInteger());
        }
    }
}
