package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.claim.ClaimMode;
import io.github.b2bpack.webhook.claim.ClaimStrategy;
import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.dispatch.Claim;
import io.github.b2bpack.webhook.dispatch.Dispatcher;
import io.github.b2bpack.webhook.dispatch.Job;
import io.github.b2bpack.webhook.dispatch.Outcome;
import io.github.b2bpack.webhook.dispatch.RealmSlots;
import io.github.b2bpack.webhook.dispatch.Recorder;
import io.github.b2bpack.webhook.filter.RateSlots;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.RateLimiter;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.SigningKeyCache;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The claim transaction of a drain pass: takes due rows whose realm has a free slot, claims them under one token
 * ({@link OutboxStore#claimAll}, the strategy from {@link ClaimStrategies}) and turns each row won into a job, signed
 * with keys from the {@link SigningKeyCache} like a direct send. A row whose webhook is gone or inactive is cancelled
 * there and then; one whose keys cannot be decrypted is retried on the schedule, never sent unsigned. Rows of a
 * rate-limited webhook are sent only in slots reserved in the database ({@link RateLimiter}); rows of webhooks without
 * a limit take no extra statement.
 */
final class OutboxClaimer implements Dispatcher.Claimer {

    private final KeycloakSessionFactory sessionFactory;
    private final SecretCipher cipher;
    private final SigningKeyCache keys;
    private final OutboxResults results;
    private final Recorder recorder;
    private final long claimMillis;
    private final Consumer<ClaimedDelivery> attempt;
    private final ClaimStrategies strategies;
    /** Asks for a claim pass at a time (epoch millis): when a rate-limited webhook's next slot comes. */
    private final LongConsumer wakeAt;

    /** @param attempt sends a claimed delivery and records its result (on a sender thread) */
    OutboxClaimer(
            KeycloakSessionFactory sessionFactory,
            SecretCipher cipher,
            SigningKeyCache keys,
            OutboxResults results,
            Recorder recorder,
            Duration claimTimeout,
            ClaimMode claimMode,
            Consumer<ClaimedDelivery> attempt,
            LongConsumer wakeAt) {
        this.sessionFactory = sessionFactory;
        this.cipher = cipher;
        this.keys = keys;
        this.results = results;
        this.recorder = recorder;
        this.claimMillis = claimTimeout.toMillis();
        this.attempt = attempt;
        this.strategies = new ClaimStrategies(claimMode);
        this.wakeAt = wakeAt;
    }

    @Override
    public List<Job> claim(int limit, RealmSlots slots) {
        List<Job> jobs = new ArrayList<>();
        // Realm slots taken by this claim, by row id; each is either handed on with its job or given back.
        Map<String, String> slotTaken = new HashMap<>();
        try {
            KeycloakModelUtils.runJobInTransaction(
                    sessionFactory, session -> claimIn(session, limit, slots, slotTaken, jobs));
        } catch (RuntimeException e) {
            jobs.clear();
            slotTaken.values().forEach(slots::release);
            throw e;
        }
        return jobs;
    }

    private void claimIn(
            KeycloakSession session, int limit, RealmSlots slots, Map<String, String> slotTaken, List<Job> jobs) {
        OutboxStore outbox = new OutboxStore(session);
        WebhookStore webhooks = new WebhookStore(session, cipher);
        ClaimStrategy strategy = strategies.of(session);
        long now = System.currentTimeMillis();
        String token = UUID.randomUUID().toString();
        // Only rows whose realm has a free slot: a realm at its share waits, the others' rows go first. With
        // skip-locked, the rows left out stay locked until this transaction ends, and other nodes pass over them.
        for (OutboxStore.Due due : outbox.due(strategy, now, limit, slots.saturated())) {
            if (slots.tryAcquire(due.realmId())) {
                slotTaken.put(due.id(), due.realmId());
            }
        }
        List<OutboxStore.Claimed> won =
                outbox.claimAll(strategy, List.copyOf(slotTaken.keySet()), token, now, now + claimMillis);
        Map<String, String> lost = new HashMap<>(slotTaken);
        won.forEach(row -> lost.remove(row.id()));
        lost.forEach((id, realm) -> {
            slotTaken.remove(id);
            slots.release(realm); // taken by another node meanwhile
        });
        Map<String, String> realmVersions = new HashMap<>();
        // Rows of rate-limited webhooks, by webhook id sorted: their slot rows are locked in that order.
        Map<String, Limited> limited = new TreeMap<>();
        for (OutboxStore.Claimed row : won) {
            Claim claim = new Claim(row.id(), token, row.webhookId(), row.attempts(), now + claimMillis);
            Webhook webhook = webhooks.find(row.realmId(), row.webhookId());
            if (webhook == null || !webhook.active()) {
                slots.release(slotTaken.remove(row.id()));
                results.writeIn(
                        session,
                        List.of(Outcome.cancelled(
                                claim, webhook == null ? "webhook_deleted" : "webhook_inactive", now)));
                continue;
            }
            List<SigningKey> signing;
            try {
                String realmVersion = realmVersions.computeIfAbsent(
                        row.realmId(),
                        r -> ActiveWebhooks.version(session.realms().getRealm(r)));
                signing = keys.keys(
                        webhook.id(),
                        SigningKeyCache.version(realmVersion, webhook),
                        now,
                        () -> webhooks.signingKeys(row.realmId(), webhook.id(), now));
            } catch (RuntimeException e) {
                // Missing or wrong encryption key, no vault entry, a stored key that is not a key: never send unsigned;
                // retry on the schedule. Any exception: one webhook's unreadable key must not roll back the whole pass.
                results.writeIn(
                        session,
                        List.of(recorder.outcome(claim, DeliveryResult.failed("signature_key_unavailable", 0), now)));
                slots.release(slotTaken.remove(row.id()));
                continue;
            }
            ClaimedDelivery delivery = new ClaimedDelivery(
                    claim,
                    URI.create(webhook.targetUrl()),
                    row.payload().getBytes(StandardCharsets.UTF_8),
                    row.format(),
                    signing,
                    row.createdAt());
            if (webhook.rateLimitPerSecond() == null) {
                jobs.add(new Job(row.realmId(), row.createdAt(), () -> attempt.accept(delivery)));
            } else {
                limited.computeIfAbsent(webhook.id(), id -> new Limited(webhook.rateLimitPerSecond()))
                        .rows()
                        .add(new LimitedRow(row, delivery));
            }
        }
        if (!limited.isEmpty()) {
            limit(session, outbox, token, now, limited, slots, slotTaken, jobs);
        }
    }

    /**
     * Rows of rate-limited webhooks get slots ({@link RateLimiter}): those granted are sent at their slot, the others
     * go back to the queue, due at the slots after the last one reserved, without spending an attempt. A claim pass
     * is asked for at each webhook's next free slot, when more of its rows may be due.
     */
    private void limit(
            KeycloakSession session,
            OutboxStore outbox,
            String token,
            long now,
            Map<String, Limited> limited,
            RealmSlots slots,
            Map<String, String> slotTaken,
            List<Job> jobs) {
        RateLimiter limiter = new RateLimiter(session);
        List<OutboxStore.PutBack> back = new ArrayList<>();
        for (Map.Entry<String, Limited> webhook : limited.entrySet()) {
            List<LimitedRow> rows = webhook.getValue().rows();
            rows.sort(Comparator.comparingLong((LimitedRow r) -> r.row().createdAt())
                    .thenComparing(r -> r.row().id()));
            RateSlots granted =
                    limiter.reserve(webhook.getKey(), webhook.getValue().perSecond(), rows.size(), now);
            for (int i = 0; i < rows.size(); i++) {
                LimitedRow r = rows.get(i);
                long slot = granted.slot(i);
                if (i < granted.granted()) {
                    ClaimedDelivery delivery = r.delivery();
                    jobs.add(new Job(r.row().realmId(), r.row().createdAt(), () -> {
                        if (waitUntil(slot)) {
                            attempt.accept(delivery);
                        }
                    }));
                } else {
                    back.add(new OutboxStore.PutBack(r.row().id(), token, slot));
                    slots.release(slotTaken.remove(r.row().id()));
                }
            }
            wakeAt.accept(granted.nextSlotAt());
        }
        outbox.putBack(back);
    }

    /** Waits on the sender thread for a slot at most {@link RateSlots#HORIZON_MILLIS} ahead; false if interrupted. */
    private static boolean waitUntil(long slot) {
        long wait = slot - System.currentTimeMillis();
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            // Shutting down: the claim expires and the row is sent again, by this node after restart or another.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The claimed rows of one rate-limited webhook in this pass. */
    private record Limited(int perSecond, List<LimitedRow> rows) {
        Limited(int perSecond) {
            this(perSecond, new ArrayList<>());
        }
    }

    private record LimitedRow(OutboxStore.Claimed row, ClaimedDelivery delivery) {}
}
