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
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.SigningKeyCache;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The claim transaction of a drain pass: takes due rows whose realm has a free slot, claims them under one token
 * ({@link OutboxStore#claimAll}, the strategy from {@link ClaimStrategies}) and turns each row won into a job, signed
 * with keys from the {@link SigningKeyCache} like a direct send. A row whose webhook is gone or inactive is cancelled
 * there and then; one whose keys cannot be decrypted is retried on the schedule, never sent unsigned.
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

    /** @param attempt sends a claimed delivery and records its result (on a sender thread) */
    OutboxClaimer(
            KeycloakSessionFactory sessionFactory,
            SecretCipher cipher,
            SigningKeyCache keys,
            OutboxResults results,
            Recorder recorder,
            Duration claimTimeout,
            ClaimMode claimMode,
            Consumer<ClaimedDelivery> attempt) {
        this.sessionFactory = sessionFactory;
        this.cipher = cipher;
        this.keys = keys;
        this.results = results;
        this.recorder = recorder;
        this.claimMillis = claimTimeout.toMillis();
        this.attempt = attempt;
        this.strategies = new ClaimStrategies(claimMode);
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
        for (OutboxStore.Claimed row : won) {
            Claim claim = new Claim(row.id(), token, row.webhookId(), row.attempts(), now + claimMillis);
            Webhook webhook = webhooks.findById(row.webhookId());
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
                        () -> webhooks.signingKeys(webhook.id(), now));
            } catch (IllegalStateException e) {
                // Missing or wrong encryption key: never send unsigned; retry on the schedule.
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
            jobs.add(new Job(row.realmId(), row.createdAt(), () -> attempt.accept(delivery)));
        }
    }
}
