package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.event.WebhookEventListenerProviderFactory;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

/** Glue shared by the admin resources: the node's webhook runtime and the session's entity manager. */
final class Runtimes {

    private Runtimes() {
    }

    static WebhookRuntime of(KeycloakSession session) {
        var factory = (WebhookEventListenerProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, WebhookEventListenerProviderFactory.ID);
        return factory.runtime();
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
