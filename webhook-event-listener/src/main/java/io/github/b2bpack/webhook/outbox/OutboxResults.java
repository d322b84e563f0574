package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.dispatch.Outcome;
import io.github.b2bpack.webhook.dispatch.ResultObserver;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes attempt outcomes to the outbox, each only while its claim still holds the row ({@link OutboxStore#finishAll}):
 * a node whose claim expired (it was presumed dead) cannot overwrite the work of the node that took over. Counts
 * what it wrote, and deactivates a webhook whose receiver answered 410 Gone.
 */
final class OutboxResults {

    private static final Logger LOG = Logger.getLogger(OutboxResults.class);

    private final KeycloakSessionFactory sessionFactory;
    private final WebhookMetrics metrics;
    private volatile ResultObserver observer = ResultObserver.NONE;

    OutboxResults(KeycloakSessionFactory sessionFactory, WebhookMetrics metrics) {
        this.sessionFactory = sessionFactory;
        this.metrics = metrics;
    }

    void observe(ResultObserver observer) {
        this.observer = observer;
    }

    /** Writes {@code outcomes} in one transaction of their own, then tells the observer which were written. */
    void write(List<Outcome> outcomes) {
        List<Outcome> written =
                KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> writeIn(session, outcomes));
        observer.recorded(written);
    }

    /** Writes {@code outcomes} in the session's transaction, as one batch of statements; returns those written. */
    List<Outcome> writeIn(KeycloakSession session, List<Outcome> outcomes) {
        boolean[] written = new OutboxStore(session)
                .finishAll(outcomes.stream()
                        .map(o -> new OutboxStore.Finish(
                                o.claim().id(),
                                o.claim().token(),
                                o.state(),
                                o.status(),
                                o.error(),
                                o.nextAttemptAt(),
                                o.at()))
                        .toList());
        List<Outcome> done = new ArrayList<>(written.length);
        for (int i = 0; i < written.length; i++) {
            Outcome o = outcomes.get(i);
            if (written[i]) {
                done.add(o);
                metrics.attempt(o.state().code(), o.durationMillis());
                if (o.deactivateWebhook()) {
                    deactivate(session, o.claim().webhookId(), o.at());
                }
            } else {
                // The claim no longer holds the row: it expired and another node took it (and sends it again), or
                // the row is gone with its realm.
                metrics.claimOutlived();
                LOG.warnf(
                        "webhook delivery %s: the result of attempt %d (%s) was not written, its claim no longer holds"
                                + " the row (claim expiry %+d ms from the result; if it expired, the row is sent again:"
                                + " raise claim-timeout if this repeats)",
                        o.claim().id(),
                        o.claim().attempt(),
                        o.state().code(),
                        o.at() - o.claim().claimedUntil());
            }
        }
        return done;
    }

    /** The receiver asked to stop; an operator re-activates the webhook with PUT. */
    private static void deactivate(KeycloakSession session, String webhookId, long now) {
        String realmId = new WebhookStore(session, null).deactivate(webhookId, "gone_410", now);
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        if (realm != null) {
            ActiveWebhooks.changed(realm);
        }
        LOG.infof("webhook %s deactivated: its receiver answered 410 Gone", webhookId);
    }
}
