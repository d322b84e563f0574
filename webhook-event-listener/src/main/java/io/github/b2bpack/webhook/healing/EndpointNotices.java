package io.github.b2bpack.webhook.healing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.dispatch.Outcome;
import io.github.b2bpack.webhook.format.DeliveryBody;
import io.github.b2bpack.webhook.health.EndpointCodes;
import io.github.b2bpack.webhook.health.EndpointPayloads;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a health transition tells, in the transaction that made it: the operational event for the realm's other
 * webhooks that subscribe to it (rows queued like the API's, sent after the commit), and for a disable also the
 * deactivation and an admin event, as Keycloak's own admin events are stored and handed to the realm's listeners.
 */
final class EndpointNotices {

    private static final Logger LOG = Logger.getLogger(EndpointNotices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The realm's organization environment, as {@code event.OrganizationContext} reads it (the environments filter). */
    private static final String ENVIRONMENT_ATTRIBUTE = "b2bpack.org.environment";

    /** Resource type of the pack's webhook admin events (as the REST API's). */
    static final String RESOURCE_TYPE = "WEBHOOK";

    private final Duration disableAfter;
    private final WebhookMetrics metrics;
    private final Runnable kick;

    EndpointNotices(Duration disableAfter, WebhookMetrics metrics, Runnable kick) {
        this.disableAfter = disableAfter;
        this.metrics = metrics;
        this.kick = kick;
    }

    void failing(KeycloakSession session, String webhookId, long failingSince, Outcome o) {
        Source s = source(session, webhookId);
        if (s != null) {
            tell(
                    session,
                    s,
                    EndpointCodes.FAILING,
                    EndpointPayloads.failing(facts(session, s, failingSince, o), o.at()));
            LOG.infof(
                    "webhook %s failing since %s: a delivery was discarded",
                    webhookId, Instant.ofEpochMilli(failingSince));
        }
    }

    void recovered(KeycloakSession session, String webhookId, long failingSince, Outcome o) {
        Source s = source(session, webhookId);
        if (s != null) {
            tell(
                    session,
                    s,
                    EndpointCodes.RECOVERED,
                    EndpointPayloads.recovered(facts(session, s, failingSince, o), o.at()));
            LOG.infof("webhook %s recovered: its receiver answered %s", webhookId, o.status());
        }
    }

    /** Deactivates the webhook unless it is inactive already (then nothing is told: it was not this pack's doing). */
    void disable(KeycloakSession session, String webhookId, long failingSince, Outcome o) {
        String realmId = new WebhookStore(session, null).deactivate(webhookId, EndpointCodes.AUTO_DISABLED, o.at());
        if (realmId == null) {
            return;
        }
        Source s = source(session, webhookId);
        if (s == null) {
            return;
        }
        ActiveWebhooks.changed(s.realm());
        EndpointPayloads.Facts facts = facts(session, s, failingSince, o);
        audit(session, s, facts);
        tell(
                session,
                s,
                EndpointCodes.DISABLED,
                EndpointPayloads.disabled(facts, o.at(), disableAfter, EndpointCodes.AUTO_DISABLED));
        LOG.warnf(
                "webhook %s disabled: every attempt failed since %s (disable-after %s); re-enable it with PUT and recover"
                        + " what was discarded with POST .../webhooks/%s/recover",
                webhookId, Instant.ofEpochMilli(failingSince), disableAfter, webhookId);
    }

    /**
     * Queues the event for every other active webhook of the realm that subscribes to {@code code} and whose source
     * filters admit it (it has no client: a {@code client_ids} filter keeps it out, as any event without a client), in
     * each webhook's payload format.
     */
    private void tell(KeycloakSession session, Source s, String code, ObjectNode payload) {
        DeliveryBody bodies = new DeliveryBody(payload);
        OutboxStore outbox = new OutboxStore(session);
        long now = System.currentTimeMillis();
        int queued = 0;
        RealmModel realm = s.realm();
        for (Webhook w : new WebhookStore(session, null).active(realm.getId())) {
            if (!w.id().equals(s.webhook().id())
                    && w.subscribesTo(code)
                    && w.admits(() -> null, () -> realm.getAttribute(ENVIRONMENT_ATTRIBUTE))) {
                String id = OutboxStore.newMessageId();
                String body = new String(bodies.bytes(w.format(), id), StandardCharsets.UTF_8);
                outbox.enqueue(realm.getId(), w.id(), code, id, body, w.format(), now);
                queued++;
            }
        }
        if (queued > 0) {
            metrics.enqueued(queued);
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    kick.run();
                }

                @Override
                protected void rollbackImpl() {
                    // Nothing was queued.
                }
            });
        }
    }

    /**
     * An UPDATE admin event on {@code webhooks/{id}}, made by no user: stored when the realm stores admin events and
     * handed to its event listeners (so the {@code webhooks} listener also sends {@code admin.webhook.update.success}).
     */
    private static void audit(KeycloakSession session, Source s, EndpointPayloads.Facts facts) {
        RealmModel realm = s.realm();
        ObjectNode representation = JSON.createObjectNode();
        representation.put("b2bpack_event", EndpointCodes.DISABLED);
        ObjectNode webhook = representation.putObject("webhook");
        webhook.put("id", s.webhook().id());
        webhook.put("name", s.webhook().name());
        webhook.put("target_host", EndpointPayloads.host(s.webhook().targetUrl()));
        webhook.put("active", false);
        webhook.put("deactivated_reason", EndpointCodes.AUTO_DISABLED);
        representation.put(
                "failing_since", Instant.ofEpochMilli(facts.failingSince()).toString());
        representation.put("last_status", facts.lastStatus());
        representation.put("last_error", facts.lastError());
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(System.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        event.setOperationType(OperationType.UPDATE);
        event.setResourceTypeAsString(RESOURCE_TYPE);
        event.setResourcePath("webhooks/" + s.webhook().id());
        event.setRepresentation(representation.toString());
        event.setDetails(Map.of("b2bpack_event", EndpointCodes.DISABLED));
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        // The event store and listeners may read the context realm (an email-sending listener does), and this
        // background session has none, or another webhook's.
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            if (realm.isAdminEventsEnabled()) {
                EventStoreProvider store = session.getProvider(EventStoreProvider.class);
                if (store != null) {
                    store.onEvent(event, withRepresentation);
                }
            }
            realm.getEventsListenersStream().forEach(id -> {
                EventListenerProvider listener = session.getProvider(EventListenerProvider.class, id);
                if (listener != null) {
                    try {
                        listener.onEvent(new AdminEvent(event), withRepresentation);
                    } catch (RuntimeException e) {
                        LOG.warnf("event listener %s failed on a webhook's auto-disable event: %s", id, e.toString());
                    }
                }
            });
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static EndpointPayloads.Facts facts(KeycloakSession session, Source s, long failingSince, Outcome o) {
        Long lastSuccess = null;
        Long storedSuccess = new HealthStore(session).lastSuccessAt(s.webhook().id());
        if (storedSuccess != null && storedSuccess < failingSince) {
            lastSuccess = storedSuccess;
        }
        return new EndpointPayloads.Facts(
                s.realm().getId(),
                s.realm().getName(),
                s.webhook().id(),
                s.webhook().name(),
                s.webhook().targetUrl(),
                failingSince,
                lastSuccess,
                o.status(),
                o.error());
    }

    private static Source source(KeycloakSession session, String webhookId) {
        Webhook webhook = new WebhookStore(session, null).findById(webhookId);
        RealmModel realm = webhook == null ? null : session.realms().getRealm(webhook.realmId());
        return realm == null ? null : new Source(webhook, realm);
    }

    private record Source(Webhook webhook, RealmModel realm) {}
}
