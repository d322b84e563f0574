package io.github.b2bpack.webhook.healing;

import io.github.b2bpack.webhook.dispatch.Outcome;
import io.github.b2bpack.webhook.dispatch.ResultObserver;
import io.github.b2bpack.webhook.health.AttemptKind;
import io.github.b2bpack.webhook.health.HealthCache;
import io.github.b2bpack.webhook.health.HealthTransitions;
import io.github.b2bpack.webhook.health.Known;
import io.github.b2bpack.webhook.health.Plan;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Applies the health rules ({@link HealthTransitions}) to the results the recorder wrote, on its thread, in a
 * transaction of their own after theirs: a fault here never costs a result (which would be sent again), and a
 * transition's guarded write commits with the events it tells ({@link EndpointNotices}), or neither does. Who
 * disables is whichever node records a failed attempt past the cut-off: the guarded {@code disabled_at} write and
 * the {@code active = true} guard of the deactivation let exactly one of them send the events.
 */
public final class EndpointHealth implements ResultObserver {

    private static final Logger LOG = Logger.getLogger(EndpointHealth.class);

    private final KeycloakSessionFactory sessionFactory;
    private final Duration disableAfter;
    private final EndpointNotices notices;
    private final HealthCache cache = new HealthCache();

    public EndpointHealth(
            KeycloakSessionFactory sessionFactory, Duration disableAfter, WebhookMetrics metrics, Runnable kick) {
        this.sessionFactory = sessionFactory;
        this.disableAfter = disableAfter;
        this.notices = new EndpointNotices(disableAfter, metrics, kick);
    }

    /** After {@code written} were recorded: the transitions they make, if any (most make none, and cost nothing). */
    @Override
    public void recorded(List<Outcome> written) {
        List<Step> steps = new ArrayList<>();
        for (Outcome o : written) {
            AttemptKind kind = AttemptKind.of(o.state(), o.error(), o.deactivateWebhook());
            String webhookId = o.claim().webhookId();
            if (kind == AttemptKind.SUCCESS) {
                cache.succeeded(webhookId, o.at());
            }
            if (!HealthTransitions.decide(cache.known(webhookId), kind, o.at(), disableAfter)
                    .writesNothing()) {
                steps.add(new Step(o, kind));
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                for (Step s : steps) {
                    apply(session, s.outcome(), s.kind());
                }
            });
        } catch (RuntimeException e) {
            // The copy may now be ahead of the database: take the database's again. The next attempts redo what
            // was lost (a mark, an announcement, the disable), each still guarded.
            LOG.warnf("webhook endpoint health not recorded for %d results: %s", steps.size(), e.toString());
            refresh();
        }
    }

    private void apply(KeycloakSession session, Outcome o, AttemptKind kind) {
        HealthStore store = new HealthStore(session);
        String webhookId = o.claim().webhookId();
        long at = o.at();
        Known known = cache.known(webhookId);
        Plan plan = HealthTransitions.decide(known, kind, at, disableAfter);
        if (plan.markFailing()) {
            if (store.markFailing(webhookId, o.claim().id(), at, cache.lastSuccess(webhookId))) {
                known = new Known(at, false, false);
            } else {
                known = store.known(webhookId); // another node started the period: learn when
            }
            if (known == null) {
                return; // the webhook is gone with its rows
            }
            cache.put(webhookId, known);
            plan = HealthTransitions.decide(known, kind, at, disableAfter);
        }
        if (plan.announce()) {
            if (store.announce(webhookId, at)) {
                notices.failing(session, webhookId, known.failingSince(), o);
            }
            known = new Known(known.failingSince(), true, known.disabled());
            cache.put(webhookId, known);
        }
        if (plan.checkDisable()) {
            if (store.markDisabled(webhookId, HealthTransitions.cutOff(at, disableAfter), at)) {
                notices.disable(session, webhookId, known.failingSince(), o);
                cache.put(webhookId, new Known(known.failingSince(), known.announced(), true));
            } else {
                cache.forget(webhookId); // the copy was stale: ask the database on the next failure
            }
        }
        if (plan.clear()) {
            if (store.clear(webhookId, at)) {
                notices.recovered(session, webhookId, known.failingSince(), o);
            }
            cache.forget(webhookId);
        }
    }

    /** Takes the database's list of failing endpoints; what other nodes changed is seen from here on. */
    @Override
    public void refresh() {
        try {
            cache.replace(KeycloakModelUtils.runJobInTransactionWithResult(
                    sessionFactory, session -> new HealthStore(session).failing()));
        } catch (RuntimeException e) {
            LOG.debugf("webhook endpoint health not refreshed: %s", e.getMessage());
        }
    }

    private record Step(Outcome outcome, AttemptKind kind) {}
}
