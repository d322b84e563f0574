package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.event.WebhookEventListenerProviderFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/** The node's webhook runtime, as the admin resources find it: through the {@code webhooks} listener factory. */
final class Runtimes {

    private Runtimes() {}

    static WebhookRuntime of(KeycloakSession session) {
        var factory = (WebhookEventListenerProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, WebhookEventListenerProviderFactory.ID);
        return factory.runtime();
    }

    /** Wakes the node's drainer once the request's transaction committed the rows it queued (not before: it would find none). */
    static void kickAfterCommit(KeycloakSession session) {
        WebhookRuntime runtime = of(session);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                runtime.drainer().kick();
            }

            @Override
            protected void rollbackImpl() {}
        });
    }
}
