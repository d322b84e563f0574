package io.github.b2bpack.webhook.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A node's delivery threads and queues, and nothing else: no database, no HTTP, no Keycloak type. Attempts
 * come two ways. Direct ones ({@link #direct}) arrive already claimed, right after their event's commit: a free
 * sender takes each at once, or it waits in its realm's queue. Claimed ones come from the {@link Claimer} in a
 * claim pass ({@link #wake}, {@link #drain}). Either way an attempt runs on a sender thread under a permit (at
 * most {@code senders} at a time) and a slot of its realm (at most {@code perRealm}, see {@link FairQueue}), so a
 * realm whose receivers hang holds a bounded share of the senders.
 */
public final class Dispatcher implements AutoCloseable {

    /** Claims due attempts from the outbox every node shares. */
    @FunctionalInterface
    public interface Claimer {

        /**
         * Up to {@code limit} attempts this node now holds, each with a slot of its realm taken from {@code slots}
         * (a realm in {@link RealmSlots#saturated} has none to give). When it throws, it gave back what it took.
         */
        List<Job> claim(int limit, RealmSlots slots);
    }

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /**
     * How long a wake-up waits for more commits before claiming, so that the rows of commits arriving together
     * are claimed (and later recorded) in one transaction rather than one each.
     */
    private static final long LINGER_MILLIS = 50;
    /** A pass set by {@link #wakeAt} this much later than another asked for serves that one too. */
    private static final long WAKE_SHARE_MILLIS = 20;
    /** Direct attempts waiting for a sender; past this, the rest are left to their claims' expiry and the sweep. */
    private static final int DIRECT_QUEUE_LIMIT = 10_000;

    private final int batchSize;
    private final long staleMillis;
    private final Claimer claimer;
    private final Semaphore permits;
    private final FairQueue<Job> waiting;
    private final ExecutorService senders;
    private final ScheduledExecutorService timer;
    private final SerialPass claims;
    private final SerialPass directs;
    private final AtomicBoolean lingering = new AtomicBoolean();
    /** The times of the passes {@link #wakeAt} set that did not run yet (epoch millis). */
    private final ConcurrentSkipListSet<Long> wakes = new ConcurrentSkipListSet<>();

    private volatile boolean closed;

    /**
     * @param senders    attempts in flight at a time on this node
     * @param batchSize  attempts asked of the claimer at a time
     * @param perRealm   attempts of one realm in flight at a time on this node
     * @param staleAfter a direct attempt that waited longer for a sender is dropped: its claim expires soon, and the
     *                   sweep then sends it (sending it here too could race the node that takes it over)
     */
    public Dispatcher(int senders, int batchSize, int perRealm, Duration staleAfter, Claimer claimer) {
        this.batchSize = batchSize;
        this.staleMillis = staleAfter.toMillis();
        this.claimer = claimer;
        this.permits = new Semaphore(senders);
        this.waiting = new FairQueue<>(DIRECT_QUEUE_LIMIT, perRealm);
        this.senders = Executors.newFixedThreadPool(senders, Threads.named("b2bpack-wh-send"));
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.named("b2bpack-wh-sweep"));
        this.claims = new SerialPass(
                "b2bpack-wh-claim", "webhook drain pass failed, the next sweep retries", this::claimPass);
        this.directs = new SerialPass(
                "b2bpack-wh-direct",
                "direct webhook sending stopped, the sweep sends what is left once claims expire",
                this::directPass);
    }

    /** Runs {@code task} every {@code interval}, first after one interval, on the timer thread. */
    public void every(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Asks for a claim pass after a short linger ({@value #LINGER_MILLIS} ms); cheap from any thread, any number of times. */
    public void wake() {
        if (closed || !lingering.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.schedule(
                    () -> {
                        lingering.set(false);
                        drain();
                    },
                    LINGER_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            lingering.set(false); // shutting down
        }
    }

    /**
     * Asks for a claim pass at {@code epochMillis} (a rate-limited webhook's next slot). A pass already set for that
     * time or up to {@value #WAKE_SHARE_MILLIS} ms after it serves both; an earlier one does not (the rows are not due
     * yet then).
     */
    public void wakeAt(long epochMillis) {
        if (closed) {
            return;
        }
        Long set = wakes.ceiling(epochMillis);
        if ((set != null && set <= epochMillis + WAKE_SHARE_MILLIS) || !wakes.add(epochMillis)) {
            return;
        }
        try {
            timer.schedule(
                    () -> {
                        wakes.remove(epochMillis);
                        drain();
                    },
                    Math.max(0, epochMillis - System.currentTimeMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wakes.remove(epochMillis); // shutting down
        }
    }

    /** Asks for a claim pass now. */
    public void drain() {
        if (!closed) {
            claims.request();
        }
    }

    /**
     * Sends attempts this node already holds. Never blocks the caller (a request thread): a free sender takes an
     * attempt at once when its realm is below its share and has nothing waiting; otherwise it queues behind its own
     * realm's waiting ones. What cannot be queued is left to the sweep once its claim expires.
     */
    public void direct(List<Job> jobs) {
        if (closed) {
            return;
        }
        int dropped = 0;
        for (Job job : jobs) {
            if (waiting.tryAcquireIfIdle(job.realmId())) {
                if (permits.tryAcquire()) {
                    if (!send(job)) {
                        return; // shutting down
                    }
                    continue;
                }
                waiting.release(job.realmId());
            }
            if (!waiting.offer(job.realmId(), job)) {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.debugf("%d webhook deliveries left to the sweep: the direct queue is full", dropped);
        }
        sendWaitingSoon();
    }

    private void sendWaitingSoon() {
        if (!closed && waiting.hasReady()) {
            directs.request();
        }
    }

    /** Claims batches while senders are free and the claimer finds due rows. */
    private void claimPass() throws InterruptedException {
        while (!closed) {
            if (permits.availablePermits() == 0) {
                permits.acquire(); // wait for a free sender before claiming, not with rows claimed
                permits.release();
            }
            int limit = Math.min(permits.availablePermits(), batchSize);
            List<Job> batch = limit <= 0 ? List.of() : claimer.claim(limit, waiting);
            if (batch.isEmpty()) {
                return;
            }
            for (Job job : batch) {
                permits.acquire();
                if (!send(job)) {
                    return;
                }
            }
        }
    }

    /** Hands waiting direct attempts to senders, realm by realm in turn, as permits and realm slots free up. */
    private void directPass() throws InterruptedException {
        try {
            FairQueue.Taken<Job> taken;
            while (!closed && (taken = waiting.poll()) != null) {
                Job next = taken.item();
                if (System.currentTimeMillis() - next.createdAt() > staleMillis) {
                    waiting.release(next.realmId());
                    continue; // its claim expires soon: the sweep sends it, and must not race this node
                }
                permits.acquire();
                if (!send(next)) {
                    return;
                }
            }
        } finally {
            sendWaitingSoon();
        }
    }

    /** Hands a job to a sender under a permit and a realm slot already taken; false (both given back) when shutting down. */
    private boolean send(Job job) {
        try {
            senders.execute(() -> {
                try {
                    job.attempt().run();
                } finally {
                    done(job.realmId());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            waiting.release(job.realmId());
            return false;
        }
    }

    /** An attempt ended: its permit and realm slot are free, so waiting attempts of that realm may go. */
    private void done(String realmId) {
        permits.release();
        waiting.release(realmId);
        sendWaitingSoon();
    }

    /** Attempts in flight get a moment to finish; the others are made again after restart, once their claims expire. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        claims.close();
        directs.close();
        Threads.stop(senders);
    }
}
