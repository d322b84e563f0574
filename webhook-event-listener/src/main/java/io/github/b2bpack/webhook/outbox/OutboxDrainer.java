package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.config.WebhookSettings;
import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.delivery.WebhookSender;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.retry.AttemptDecision;
import io.github.b2bpack.webhook.retry.DeliveryState;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.SigningKeyCache;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Delivers the outbox, on every node, off the request threads. First attempts of events this node ran
 * arrive already claimed right after their commit ({@link #dispatch}); rows queued by the API are sent
 * after a wake-up ({@link #kick()}); and a sweep every {@code sweep-interval} takes retries and rows
 * another node or a previous run left behind. Work is shared between nodes only through the database:
 * each attempt is claimed by a conditional UPDATE (see {@link OutboxStore}) or written claimed, sent with
 * no transaction open, and its result written under the claim.
 */
public final class OutboxDrainer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    /** How long a wake-up waits for more commits before claiming. */
    private static final long LINGER_MILLIS = 50;
    /**
     * How long a result waits for others to be written in the same transaction. Receivers never wait for
     * it (the row only stays {@code executing} a little longer), and fewer transactions leave more CPU to
     * the logins sharing the node.
     */
    private static final long RESULT_LINGER_MILLIS = 250;
    /** Direct deliveries waiting for a sender; past this, the rest are left to their claims' expiry and the sweep. */
    private static final int DIRECT_QUEUE_LIMIT = 10_000;

    private final KeycloakSessionFactory sessionFactory;
    private final WebhookSettings settings;
    private final SecretCipher cipher;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final ExecutorService dispatcher;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService recorder;
    private final ExecutorService directDispatcher;
    /** Waiting direct deliveries, per realm, and each realm's attempts in flight on this node (fair share). */
    private final FairQueue<DirectDelivery> direct;
    private final AtomicBoolean directRunning = new AtomicBoolean();
    private final SigningKeyCache keyCache = new SigningKeyCache();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Semaphore permits;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean lingering = new AtomicBoolean();
    private volatile boolean closed;

    public OutboxDrainer(KeycloakSessionFactory sessionFactory, WebhookSettings settings, SecretCipher cipher, WebhookSender sender,
                         WebhookMetrics metrics) {
        this.sessionFactory = sessionFactory;
        this.settings = settings;
        this.cipher = cipher;
        this.sender = sender;
        this.metrics = metrics;
        this.permits = new Semaphore(settings.concurrency());
        this.direct = new FairQueue<>(DIRECT_QUEUE_LIMIT, settings.maxInFlightPerRealm());
        this.dispatcher = Executors.newSingleThreadExecutor(named("b2bpack-wh-claim"));
        this.directDispatcher = Executors.newSingleThreadExecutor(named("b2bpack-wh-direct"));
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), named("b2bpack-wh-send"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("b2bpack-wh-sweep"));
        this.recorder = Executors.newSingleThreadExecutor(named("b2bpack-wh-record"));
    }

    public void start() {
        recorder.execute(this::recordOutcomes);
        long sweep = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        long purge = settings.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purge, purge, purge, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a drain pass soon; cheap and safe to call from any thread, any number of times. The pass
     * starts after a short linger so that the rows of commits arriving together are claimed (and later
     * recorded) in one transaction rather than one each: cheaper for the logins sharing the CPU, and far
     * inside the 1 s first-attempt budget.
     */
    public void kick() {
        if (closed || !lingering.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                lingering.set(false);
                drainSoon();
            }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            lingering.set(false); // shutting down
        }
    }

    /**
     * Sends deliveries this node wrote already claimed, right after their transaction committed: no claim
     * transaction, no database read for the keys (see {@link SigningKeyCache}). Never blocks the caller (a
     * request thread); what cannot be queued, or waits longer than half the claim timeout, is sent by the
     * sweep once its claim expires.
     */
    public void dispatch(List<DirectDelivery> deliveries) {
        if (closed) {
            return;
        }
        int dropped = 0;
        for (DirectDelivery d : deliveries) {
            // A free sender takes it at once (no hand-over through the direct dispatcher thread) when its realm is
            // below its share and has nothing waiting; otherwise it queues behind its own realm's waiting ones.
            if (direct.tryAcquireIfIdle(d.realmId())) {
                if (permits.tryAcquire()) {
                    if (!sendNow(d)) {
                        return; // shutting down
                    }
                    continue;
                }
                direct.release(d.realmId());
            }
            if (!direct.offer(d.realmId(), d)) {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.debugf("%d webhook deliveries left to the sweep: the direct queue is full", dropped);
        }
        if (direct.hasReady() && directRunning.compareAndSet(false, true)) {
            try {
                directDispatcher.execute(this::sendDirect);
            } catch (RuntimeException e) {
                directRunning.set(false); // shutting down
            }
        }
    }

    private void sendDirect() {
        long stale = settings.claimTimeout().toMillis() / 2;
        try {
            FairQueue.Taken<DirectDelivery> taken;
            while (!closed && (taken = direct.poll()) != null) {
                DirectDelivery next = taken.item();
                if (System.currentTimeMillis() - next.createdAt() > stale) {
                    direct.release(next.realmId());
                    continue; // its claim expires soon: the sweep sends it, and must not race this node
                }
                permits.acquire();
                if (!sendNow(next)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("direct webhook sending stopped, the sweep sends what is left once claims expire: %s", e.toString());
        } finally {
            directRunning.set(false);
            if (direct.hasReady() && !closed) {
                dispatch(List.of());
            }
        }
    }

    /**
     * Hands a delivery to a sender under a permit and a realm slot already taken; false (both returned) when
     * shutting down.
     */
    private boolean sendNow(DirectDelivery d) {
        try {
            workers.execute(() -> {
                try {
                    attemptDirect(d);
                } finally {
                    done(d.realmId());
                }
            });
            return true;
        } catch (RuntimeException e) {
            permits.release();
            direct.release(d.realmId());
            return false;
        }
    }

    /** An attempt ended: its permit and realm slot are free, so waiting deliveries of that realm may go. */
    private void done(String realmId) {
        permits.release();
        direct.release(realmId);
        if (!closed && direct.hasReady()) {
            dispatch(List.of());
        }
    }

    private void attemptDirect(DirectDelivery d) {
        long now = System.currentTimeMillis();
        List<SigningKey> keys;
        try {
            keys = keyCache.keys(d.webhookId(), d.keyVersion(), now, () -> loadKeys(d.webhookId(), now));
        } catch (IllegalStateException e) {
            // Missing or wrong encryption key: never send unsigned; retry on the schedule.
            outcomes.add(new Outcome(claimed(d, List.of()), DeliveryResult.failed("signature_key_unavailable", 0), now));
            return;
        }
        if (keys == null) {
            inTransaction(session -> {
                if (new OutboxStore(session).finish(d.id(), d.token(), DeliveryState.CANCELLED, null, "webhook_gone", now, now)) {
                    metrics.attempt(DeliveryState.CANCELLED.code(), 0);
                }
            });
            return;
        }
        attempt(claimed(d, keys));
    }

    private SigningKeyCache.KeySet loadKeys(String webhookId, long now) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            WebhookStore webhooks = new WebhookStore(session, cipher);
            Webhook webhook = webhooks.findById(webhookId);
            return webhook != null && webhook.active() ? webhooks.signingKeys(webhookId, now) : null;
        });
    }

    private static ClaimedDelivery claimed(DirectDelivery d, List<SigningKey> keys) {
        return new ClaimedDelivery(d.id(), d.token(), d.realmId(), d.webhookId(), d.target(), d.body(), keys, 1, d.createdAt(), true);
    }

    private void drainSoon() {
        if (closed) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::drain);
            } catch (RuntimeException e) {
                running.set(false); // shutting down
            }
        }
    }

    private void sweep() {
        try {
            inTransaction(session -> metrics.queueDepth(new OutboxStore(session).queueDepth()));
        } catch (RuntimeException e) {
            LOG.debugf("webhook queue depth not refreshed: %s", e.getMessage());
        }
        drainSoon();
    }

    private void purge() {
        try {
            long now = System.currentTimeMillis();
            AtomicInteger purged = new AtomicInteger();
            inTransaction(session -> purged.set(new OutboxStore(session).purge(
                    now - settings.keepCompleted().toMillis(), now - settings.keepDiscarded().toMillis())));
            if (purged.get() > 0) {
                LOG.debugf("purged %d finished webhook deliveries", purged.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook retention purge failed: %s", e.getMessage());
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false) && !closed) {
                while (!closed) {
                    if (permits.availablePermits() == 0) {
                        permits.acquire();
                        permits.release();
                    }
                    List<ClaimedDelivery> batch = claim(Math.min(permits.availablePermits(), settings.batchSize()));
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (ClaimedDelivery delivery : batch) {
                        permits.acquire();
                        workers.execute(() -> {
                            try {
                                attempt(delivery);
                            } finally {
                                done(delivery.realmId());
                            }
                        });
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("webhook drain pass failed, the next sweep retries: %s", e.toString());
        } finally {
            running.set(false);
            if (wanted.get() && !closed) {
                drainSoon();
            }
        }
    }

    private List<ClaimedDelivery> claim(int limit) {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        if (limit <= 0) {
            return claimed;
        }
        // Realm slots taken by this claim, by row id; each is either handed on with its delivery or released.
        Map<String, String> slotTaken = new HashMap<>();
        try {
            claimInto(claimed, slotTaken, limit);
        } catch (RuntimeException e) {
            claimed.clear();
            slotTaken.values().forEach(direct::release);
            throw e;
        }
        return claimed;
    }

    private void claimInto(List<ClaimedDelivery> claimed, Map<String, String> slotTaken, int limit) {
        inTransaction(session -> {
            OutboxStore outbox = new OutboxStore(session);
            WebhookStore webhooks = new WebhookStore(session, cipher);
            long now = System.currentTimeMillis();
            String token = UUID.randomUUID().toString();
            Map<String, String> realmVersions = new HashMap<>();
            // Only rows whose realm has a free slot: a realm at its share waits, the others' rows go first.
            for (OutboxStore.Due due : outbox.due(now, limit, direct.saturated())) {
                if (direct.tryAcquire(due.realmId())) {
                    slotTaken.put(due.id(), due.realmId());
                }
            }
            List<OutboxStore.Claimed> won = outbox.claimAll(List.copyOf(slotTaken.keySet()), token, now, now + settings.claimTimeout().toMillis());
            Map<String, String> lost = new HashMap<>(slotTaken);
            won.forEach(row -> lost.remove(row.id()));
            lost.forEach((id, realm) -> {
                slotTaken.remove(id);
                direct.release(realm); // taken by another node meanwhile
            });
            for (OutboxStore.Claimed row : won) {
                String id = row.id();
                Webhook webhook = webhooks.findById(row.webhookId());
                if (webhook == null || !webhook.active()) {
                    direct.release(slotTaken.remove(id));
                    outbox.finish(id, token, DeliveryState.CANCELLED, null, webhook == null ? "webhook_deleted" : "webhook_inactive", now, now);
                    metrics.attempt(DeliveryState.CANCELLED.code(), 0);
                    continue;
                }
                List<SigningKey> keys;
                try {
                    String realmVersion = realmVersions.computeIfAbsent(webhook.realmId(),
                            r -> String.valueOf(ActiveWebhooks.version(session.realms().getRealm(r))));
                    keys = keyCache.keys(webhook.id(), SigningKeyCache.version(realmVersion, webhook), now,
                            () -> webhooks.signingKeys(webhook.id(), now));
                } catch (IllegalStateException e) {
                    // Missing or wrong encryption key: never send unsigned; retry on the schedule.
                    record(session, outbox, webhooks, id, token, row.webhookId(), row.attempts(),
                            DeliveryResult.failed("signature_key_unavailable", 0), now);
                    direct.release(slotTaken.remove(id));
                    continue;
                }
                claimed.add(new ClaimedDelivery(id, token, row.realmId(), webhook.id(), URI.create(webhook.targetUrl()),
                        row.payload().getBytes(StandardCharsets.UTF_8), keys, row.attempts(), row.createdAt(),
                        row.attempts() == 1));
            }
        });
    }

    private void attempt(ClaimedDelivery delivery) {
        long start = System.currentTimeMillis();
        if (delivery.firstAttempt()) {
            metrics.firstAttempt(start - delivery.createdAt());
        }
        DeliveryResult result = sender.send(delivery.target(), delivery.id(), delivery.body(), delivery.keys(), start / 1000);
        outcomes.add(new Outcome(delivery, result, System.currentTimeMillis()));
    }

    /**
     * Writes attempt results in batches, one transaction per batch rather than per delivery. The rows stay
     * {@code executing} under their claim until written, so nothing can take them meanwhile; if the node
     * dies first, the claims expire and the attempts are made again under the same webhook-id.
     */
    private void recordOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        while (!closed || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESULT_LINGER_MILLIS);
                while (batch.size() < settings.batchSize() && System.nanoTime() < until) {
                    Outcome next = outcomes.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    outcomes.drainTo(batch, settings.batchSize() - batch.size());
                }
                recordAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One transaction for the whole batch; if it fails (a lock timeout, say), each result is written in a
     * transaction of its own, so one bad row cannot leave the others executing until their claims expire.
     */
    private void recordAll(List<Outcome> batch) {
        try {
            inTransaction(session -> recordIn(session, batch));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                LOG.warnf("a webhook result was not recorded, its claim expires and it is retried: %s", batchFailure.toString());
                return;
            }
            int lost = 0;
            for (Outcome o : batch) {
                try {
                    inTransaction(session -> recordIn(session, List.of(o)));
                } catch (RuntimeException e) {
                    lost++;
                }
            }
            LOG.warnf("a batch of %d webhook results failed (%s); written one by one, %d not recorded (their claims expire and they are retried)",
                    batch.size(), batchFailure.toString(), lost);
        }
    }

    private void recordIn(KeycloakSession session, List<Outcome> outcomes) {
        OutboxStore outbox = new OutboxStore(session);
        WebhookStore webhooks = new WebhookStore(session, cipher);
        for (Outcome o : outcomes) {
            record(session, outbox, webhooks, o.delivery().id(), o.delivery().token(), o.delivery().webhookId(),
                    o.delivery().attempt(), o.result(), o.at());
        }
    }

    private void record(KeycloakSession session, OutboxStore outbox, WebhookStore webhooks, String id, String token, String webhookId, int attempts,
                        DeliveryResult result, long now) {
        AttemptDecision decision = AttemptDecision.decide(result, attempts, settings.retrySchedule(), ThreadLocalRandom.current());
        long next = decision.retryIn() == null ? now : now + decision.retryIn().toMillis();
        Integer status = result.status() == 0 ? null : result.status();
        String error = result.isSuccess() ? null : result.error() != null ? result.error() : "http_" + result.status();
        if (outbox.finish(id, token, decision.state(), status, error, next, now)) {
            metrics.attempt(decision.state().code(), result.durationMillis());
            if (decision.deactivateWebhook()) {
                String realmId = webhooks.deactivate(webhookId, "gone_410", now);
                RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
                if (realm != null) {
                    ActiveWebhooks.changed(realm);
                }
                LOG.infof("webhook %s deactivated: its receiver answered 410 Gone", webhookId);
            }
        }
    }

    private void inTransaction(Consumer<KeycloakSession> work) {
        KeycloakModelUtils.runJobInTransaction(sessionFactory, work::accept);
    }

    /** Names that stay apart in the 15 characters Linux keeps of a thread's name ({@code top -H}, {@code /proc}). */
    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One attempt's result, waiting to be written. */
    private record Outcome(ClaimedDelivery delivery, DeliveryResult result, long at) {
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        dispatcher.shutdownNow();
        directDispatcher.shutdownNow();
        workers.shutdown();
        try {
            // Attempts in flight get a moment to record their result; others are retried after restart.
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        recorder.shutdown();
        try {
            recorder.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.shutdownNow();
        sender.close();
    }
}
