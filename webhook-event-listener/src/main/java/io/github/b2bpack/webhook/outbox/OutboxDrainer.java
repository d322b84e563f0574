package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.config.WebhookSettings;
import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.delivery.WebhookSender;
import io.github.b2bpack.webhook.dispatch.AttemptWindow;
import io.github.b2bpack.webhook.dispatch.Claim;
import io.github.b2bpack.webhook.dispatch.Dispatcher;
import io.github.b2bpack.webhook.dispatch.Job;
import io.github.b2bpack.webhook.dispatch.Outcome;
import io.github.b2bpack.webhook.dispatch.Recorder;
import io.github.b2bpack.webhook.dispatch.ResultObserver;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.SigningKeyCache;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers the outbox, on every node, off the request threads. First attempts of events this node ran arrive
 * already claimed right after their commit ({@link #dispatch}); rows queued by the API are sent after a wake-up
 * ({@link #kick}); and a sweep every {@code sweep-interval} takes retries and rows another node or a previous run
 * left behind. Work is shared between nodes only through the database: each attempt is claimed ({@link OutboxClaimer}:
 * a conditional UPDATE, after a {@code SELECT … FOR UPDATE SKIP LOCKED} on PostgreSQL) or written claimed, sent with no
 * transaction open, and its result written under the claim ({@link OutboxResults}). Threads and queues are the
 * {@link Dispatcher}'s and the {@link Recorder}'s; this class ties them to the database, the keys and the sender.
 */
public final class OutboxDrainer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    private final KeycloakSessionFactory sessionFactory;
    private final WebhookSettings settings;
    private final SecretCipher cipher;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final SigningKeyCache keys = new SigningKeyCache();
    private final OutboxResults results;
    private final Recorder recorder;
    private final Dispatcher dispatcher;
    /** The dispatcher once made: the claimer, made before it, asks it for passes at rate limit slots. */
    private final AtomicReference<Dispatcher> dispatcherRef = new AtomicReference<>();

    private final AttemptWindow window;
    private ResultObserver observer = ResultObserver.NONE;

    /** How soon a node sees an endpoint another node found failing (or recovered); a small read of failing rows. */
    private static final Duration HEALTH_REFRESH = Duration.ofSeconds(10);

    public OutboxDrainer(
            KeycloakSessionFactory sessionFactory,
            WebhookSettings settings,
            SecretCipher cipher,
            WebhookSender sender,
            WebhookMetrics metrics) {
        this.sessionFactory = sessionFactory;
        this.settings = settings;
        this.cipher = cipher;
        this.sender = sender;
        this.metrics = metrics;
        this.results = new OutboxResults(sessionFactory, metrics);
        this.window = AttemptWindow.of(settings.requestTimeout(), settings.claimTimeout());
        this.recorder = new Recorder(settings.retrySchedule(), settings.batchSize(), results::write);
        OutboxClaimer claimer = new OutboxClaimer(
                sessionFactory,
                cipher,
                keys,
                results,
                recorder,
                settings.claimTimeout(),
                settings.claimMode(),
                this::attempt,
                at -> dispatcherRef.get().wakeAt(at));
        // A direct send waiting longer than half the claim timeout is left to the sweep, which takes it once its claim
        // expires.
        this.dispatcher = new Dispatcher(
                settings.concurrency(),
                settings.batchSize(),
                settings.maxInFlightPerRealm(),
                settings.claimTimeout().dividedBy(2),
                claimer);
        dispatcherRef.set(dispatcher);
    }

    /** Who is told of written results (the endpoints' health); call before {@link #start}. */
    public void observe(ResultObserver observer) {
        results.observe(observer);
        this.observer = observer;
    }

    /** Starts recording results, the sweep and the retention purge; call once the schema is in place. */
    public void start() {
        recorder.start();
        observer.refresh();
        dispatcher.every(HEALTH_REFRESH, observer::refresh);
        dispatcher.every(settings.sweepInterval(), this::sweep);
        dispatcher.every(
                settings.purgeInterval(),
                new OutboxPurgeTask(sessionFactory, settings.keepCompleted(), settings.keepDiscarded()));
    }

    /** Asks for a drain pass soon, for rows written unclaimed (the API's retries and tests); cheap from any thread. */
    public void kick() {
        dispatcher.wake();
    }

    /**
     * Sends deliveries this node wrote already claimed, right after their transaction committed: no claim
     * transaction, no database read for the keys (see {@link SigningKeyCache}). Never blocks the caller (a request
     * thread); what cannot be sent soon enough is sent by the sweep once its claim expires.
     */
    public void dispatch(List<DirectDelivery> deliveries) {
        dispatcher.direct(deliveries.stream()
                .map(d -> new Job(d.realmId(), d.createdAt(), () -> attemptDirect(d)))
                .toList());
    }

    private void attemptDirect(DirectDelivery d) {
        long now = System.currentTimeMillis();
        Claim claim = new Claim(d.id(), d.token(), d.webhookId(), 1, d.claimedUntil());
        List<SigningKey> signing;
        try {
            signing = keys.keys(d.webhookId(), d.keyVersion(), now, () -> loadKeys(d.realmId(), d.webhookId(), now));
        } catch (RuntimeException e) {
            // Missing or wrong encryption key, no vault entry, a stored key that is not a key: never send unsigned;
            // retry on the schedule. Any exception: one webhook's unreadable key must not roll back the whole pass.
            recorder.record(claim, DeliveryResult.failed("signature_key_unavailable", 0), now);
            return;
        }
        if (signing == null) {
            results.write(List.of(Outcome.cancelled(claim, "webhook_gone", now)));
            return;
        }
        attempt(new ClaimedDelivery(claim, d.target(), d.body(), d.format(), signing, d.createdAt()));
    }

    /** The keys of an active webhook, in a transaction of their own; null when it is gone or inactive. */
    private SigningKeyCache.KeySet loadKeys(String realmId, String webhookId, long now) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            WebhookStore webhooks = new WebhookStore(session, cipher);
            Webhook webhook = webhooks.find(realmId, webhookId);
            return webhook != null && webhook.active() ? webhooks.signingKeys(realmId, webhookId, now) : null;
        });
    }

    /**
     * Sends one attempt (on a sender thread, no transaction open) and queues its result for the recorder, within
     * what is left of its claim ({@link AttemptWindow}); one that started too late is not sent: its claim expires
     * and the row is taken again, by this node or another, rather than sent here and there.
     */
    private void attempt(ClaimedDelivery delivery) {
        long start = System.currentTimeMillis();
        Duration timeout = window.timeoutAt(start, delivery.claim().claimedUntil());
        if (timeout == null) {
            metrics.claimOutlived();
            LOG.debugf(
                    "webhook delivery %s not attempted: its claim expires in %d ms, it is taken again after",
                    delivery.claim().id(), delivery.claim().claimedUntil() - start);
            return;
        }
        if (delivery.firstAttempt()) {
            metrics.firstAttempt(start - delivery.createdAt());
        }
        DeliveryResult result = sender.send(
                delivery.target(),
                delivery.claim().id(),
                delivery.body(),
                delivery.format().contentType(),
                delivery.keys(),
                start / 1000,
                timeout);
        recorder.record(delivery.claim(), result, System.currentTimeMillis());
    }

    /** Refreshes the queue depth gauge, then claims what is due. */
    private void sweep() {
        try {
            long depth = KeycloakModelUtils.runJobInTransactionWithResult(
                    sessionFactory, session -> new OutboxStore(session).queueDepth());
            metrics.queueDepth(depth);
        } catch (RuntimeException e) {
            LOG.debugf("webhook queue depth not refreshed: %s", e.getMessage());
        }
        dispatcher.drain();
    }

    @Override
    public void close() {
        dispatcher.close();
        recorder.close();
        sender.close();
    }
}
