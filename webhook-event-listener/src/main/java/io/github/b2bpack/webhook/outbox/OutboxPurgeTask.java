package io.github.b2bpack.webhook.outbox;

import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The retention purge, a scheduled task of its own ({@code purge-interval}): deletes completed deliveries
 * older than {@code retention-completed}, discarded and cancelled ones older than {@code retention-discarded}.
 * Every node runs it; the deletes are idempotent.
 */
final class OutboxPurgeTask implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxPurgeTask.class);

    private final KeycloakSessionFactory sessionFactory;
    private final Duration keepCompleted;
    private final Duration keepDiscarded;

    OutboxPurgeTask(KeycloakSessionFactory sessionFactory, Duration keepCompleted, Duration keepDiscarded) {
        this.sessionFactory = sessionFactory;
        this.keepCompleted = keepCompleted;
        this.keepDiscarded = keepDiscarded;
    }

    @Override
    public void run() {
        try {
            long now = System.currentTimeMillis();
            int purged = KeycloakModelUtils.runJobInTransactionWithResult(
                    sessionFactory,
                    session -> new OutboxStore(session)
                            .purge(now - keepCompleted.toMillis(), now - keepDiscarded.toMillis()));
            if (purged > 0) {
                LOG.debugf("purged %d finished webhook deliveries", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook retention purge failed: %s", e.getMessage());
        }
    }
}
