package io.github.b2bpack.webhook.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes one outbox row per matching webhook, in the transaction of the event: Keycloak calls
 * {@code onEvent} inside the request's transaction for successes and inside the transaction that
 * stores the event for errors, so a rolled-back event leaves no row and a committed one cannot be
 * lost. No HTTP here: after the transaction completes, the drainer is woken to send.
 */
public final class WebhookEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final WebhookRuntime runtime;
    private boolean kickEnlisted;

    WebhookEventListenerProvider(KeycloakSession session, WebhookRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == null || event.getRealmId() == null) {
            return;
        }
        String packEvent = event.getDetails() == null ? null : event.getDetails().get(EventCodes.PACK_EVENT_DETAIL);
        String code = EventCodes.forUserEvent(event.getType().name(), packEvent);
        enqueue(event.getRealmId(), code, org -> WebhookPayloads.forUserEvent(code, event, org));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getRealmId() == null || event.getOperationType() == null || event.getResourceTypeAsString() == null) {
            return;
        }
        String code = EventCodes.forAdminEvent(event.getResourceTypeAsString(), event.getOperationType().name(), event.getError() != null);
        enqueue(event.getRealmId(), code, org -> WebhookPayloads.forAdminEvent(code, event, includeRepresentation, org,
                runtime.settings().maxRepresentationChars()));
    }

    private void enqueue(String realmId, String code, Function<OrganizationContext, ObjectNode> payload) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<Webhook> targets = new ArrayList<>();
        for (Webhook webhook : new WebhookStore(em, runtime.cipher()).active(realmId)) {
            if (webhook.subscribesTo(code)) {
                targets.add(webhook);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        // Serialised once: every webhook gets, and every attempt signs, these exact bytes.
        String body = new String(WebhookPayloads.bytes(payload.apply(organization(realmId))), StandardCharsets.UTF_8);
        OutboxStore outbox = new OutboxStore(em);
        long now = System.currentTimeMillis();
        for (Webhook webhook : targets) {
            outbox.enqueue(realmId, webhook.id(), code, body, now);
        }
        runtime.metrics().enqueued(targets.size());
        kickAfterCompletion();
    }

    private OrganizationContext organization(String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return OrganizationContext.NONE;
        }
        return new OrganizationContext(realm.getAttribute(OrganizationContext.DOMAIN_ATTRIBUTE),
                realm.getAttribute(OrganizationContext.ENVIRONMENT_ATTRIBUTE));
    }

    private void kickAfterCompletion() {
        if (kickEnlisted) {
            return;
        }
        kickEnlisted = true;
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                runtime.drainer().kick();
            }

            @Override
            protected void rollbackImpl() {
                // Nothing was written: nothing to send.
            }
        });
    }

    @Override
    public void close() {
    }
}
