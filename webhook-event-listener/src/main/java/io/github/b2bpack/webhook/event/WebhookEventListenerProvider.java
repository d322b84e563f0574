package io.github.b2bpack.webhook.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.format.DeliveryBody;
import io.github.b2bpack.webhook.outbox.DirectDelivery;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SigningKeyCache;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Writes one outbox row per matching webhook, in the transaction of the event: Keycloak calls
 * {@code onEvent} inside the request's transaction for successes and inside the transaction that
 * stores the event for errors, so a rolled-back event leaves no row and a committed one cannot be
 * lost. No HTTP here: the rows are written already claimed by this node and handed to the drainer once
 * the transaction commits, so the first attempt needs no claim transaction; if this node stops before
 * sending, the claims expire and any node's sweep sends them.
 */
public final class WebhookEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final WebhookRuntime runtime;
    /** Rows this transaction wrote already claimed, sent by this node once it commits. */
    private final List<DirectDelivery> direct = new ArrayList<>();

    private boolean afterCommitEnlisted;
    /** Whether this transaction wrote unclaimed rows (for rate-limited webhooks) that a claim pass must take. */
    private boolean kickAfterCommit;

    WebhookEventListenerProvider(KeycloakSession session, WebhookRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == null || event.getRealmId() == null) {
            return;
        }
        String packEvent =
                event.getDetails() == null ? null : event.getDetails().get(EventCodes.PACK_EVENT_DETAIL);
        String code = EventCodes.forUserEvent(event.getType().name(), packEvent);
        enqueue(
                event.getRealmId(),
                code,
                realm -> event.getClientId(),
                org -> WebhookPayloads.forUserEvent(code, event, org));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getRealmId() == null || event.getOperationType() == null || event.getResourceTypeAsString() == null) {
            return;
        }
        String code = EventCodes.forAdminEvent(
                event.getResourceTypeAsString(), event.getOperationType().name(), event.getError() != null);
        enqueue(
                event.getRealmId(),
                code,
                realm -> changedBy(realm, event.getAuthDetails()),
                org -> WebhookPayloads.forAdminEvent(
                        code,
                        event,
                        includeRepresentation,
                        org,
                        runtime.settings().maxRepresentationChars()));
    }

    /**
     * The client id of the client that made an admin change: the auth details carry its internal id, resolved to its
     * client id in the event's realm only. A change made from another realm (a master administrator) has no client
     * of this realm: null, which no {@code client_ids} filter keeps and no {@code excluded_client_ids} drops.
     */
    private static String changedBy(RealmModel realm, AuthDetails auth) {
        if (realm == null
                || auth == null
                || auth.getClientId() == null
                || !realm.getId().equals(auth.getRealmId())) {
            return null;
        }
        ClientModel client = realm.getClientById(auth.getClientId());
        return client == null ? null : client.getClientId();
    }

    private void enqueue(
            String realmId,
            String code,
            Function<RealmModel, String> clientOf,
            Function<OrganizationContext, ObjectNode> payload) {
        RealmModel realm = session.realms().getRealm(realmId);
        Supplier<List<Webhook>> load = () -> new WebhookStore(session, runtime.cipher()).active(realmId);
        String realmVersion = ActiveWebhooks.version(realm);
        List<Webhook> active =
                realm == null ? load.get() : runtime.subscriptions().of(realmId, realmVersion, load);
        List<Webhook> targets = new ArrayList<>();
        Lazy<OrganizationContext> org = new Lazy<>(() -> OrganizationContext.of(realm));
        Lazy<String> client = null;
        for (Webhook webhook : active) {
            if (!webhook.subscribesTo(code)) {
                continue;
            }
            if (webhook.filtered()) {
                // Only a webhook with filters looks up the event's client or environment, once per event.
                if (client == null) {
                    client = new Lazy<>(() -> clientOf.apply(realm));
                }
                if (!webhook.admits(client, () -> org.get().environment())) {
                    continue;
                }
            }
            targets.add(webhook);
        }
        if (targets.isEmpty()) {
            return;
        }
        // Serialised once per format (and per delivery for CloudEvents, whose id is the delivery's): every attempt
        // signs these exact bytes.
        DeliveryBody bodies = new DeliveryBody(payload.apply(org.get()));
        OutboxStore outbox = new OutboxStore(session);
        long now = System.currentTimeMillis();
        String token = UUID.randomUUID().toString();
        long claimedUntil = now + runtime.settings().claimTimeout().toMillis();
        for (Webhook webhook : targets) {
            String id = OutboxStore.newMessageId();
            byte[] bytes = bodies.bytes(webhook.format(), id);
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (webhook.rateLimitPerSecond() != null) {
                // A limited webhook's deliveries all go through a claim, where the slots are reserved; written
                // unclaimed, they are claimed by the pass this commit's wake-up starts.
                outbox.enqueue(realmId, webhook.id(), code, id, body, webhook.format(), now);
                kickAfterCommit = true;
                continue;
            }
            outbox.enqueueClaimed(realmId, webhook.id(), code, id, body, webhook.format(), now, token, claimedUntil);
            direct.add(new DirectDelivery(
                    id,
                    token,
                    realmId,
                    webhook.id(),
                    SigningKeyCache.version(realmVersion, webhook),
                    URI.create(webhook.targetUrl()),
                    bytes,
                    webhook.format(),
                    now,
                    claimedUntil));
        }
        runtime.metrics().enqueued(targets.size());
        sendAfterCommit();
    }

    private void sendAfterCommit() {
        if (afterCommitEnlisted) {
            return;
        }
        afterCommitEnlisted = true;
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                runtime.drainer().dispatch(List.copyOf(direct));
                direct.clear();
                if (kickAfterCommit) {
                    kickAfterCommit = false;
                    runtime.drainer().kick();
                }
            }

            @Override
            protected void rollbackImpl() {
                // Nothing was written: nothing to send.
                direct.clear();
                kickAfterCommit = false;
            }
        });
    }

    @Override
    public void close() {}
}
