package io.github.b2bpack.webhook.healing;

import io.github.b2bpack.webhook.health.Known;
import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookHealthEntity;
import io.github.b2bpack.webhook.retry.DeliveryState;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * The endpoint health table ({@code B2BPACK_WEBHOOK_HEALTH}), in the session's transaction. Every state change is one
 * bulk UPDATE guarded by the state it leaves, so of two nodes recording at once only one changes the row (and sends
 * what the change tells); nothing is read to decide a write.
 */
public final class HealthStore {

    private final EntityManager em;

    public HealthStore(KeycloakSession session) {
        this.em = Jpa.entityManager(session);
    }

    /**
     * Starts a failing period where none is running; the row is made first when the endpoint never failed.
     *
     * @param deliveryId  the delivery whose attempt failed (its row names the webhook and realm of a new health row)
     * @param lastSuccess the last 2xx this node saw, or null
     * @return whether this call started it
     */
    boolean markFailing(String webhookId, String deliveryId, long at, Long lastSuccess) {
        if (startPeriod(webhookId, at, lastSuccess)) {
            return true;
        }
        // No row, or a period already running. Should another node insert the row at the same moment, this insert
        // fails on the key: the health transaction rolls back (EndpointHealth logs it) and the next failure finds the
        // row.
        int made = em.createQuery("insert into WebhookHealthEntity (webhookId, realmId)"
                        + " select d.webhookId, d.realmId from WebhookDeliveryEntity d where d.id = :delivery"
                        + " and not exists (select 1 from WebhookHealthEntity h where h.webhookId = d.webhookId)")
                .setParameter("delivery", deliveryId)
                .executeUpdate();
        return made == 1 && startPeriod(webhookId, at, lastSuccess);
    }

    private boolean startPeriod(String webhookId, long at, Long lastSuccess) {
        return em.createQuery("update WebhookHealthEntity h set h.failingSince = :at, h.failingNotifiedAt = null,"
                                + " h.disabledAt = null, h.lastSuccessAt = coalesce(:success, h.lastSuccessAt)"
                                + " where h.webhookId = :id and h.failingSince is null")
                        .setParameter("at", at)
                        .setParameter("success", lastSuccess)
                        .setParameter("id", webhookId)
                        .executeUpdate()
                == 1;
    }

    /**
     * What the table says of a failing endpoint; null when it is not failing. Scalars, not an entity: the health rows
     * change by bulk updates in this transaction, which a managed entity would not show.
     */
    Known known(String webhookId) {
        List<Object[]> rows = em.createQuery(
                        "select h.failingSince, h.failingNotifiedAt, h.disabledAt from WebhookHealthEntity h"
                                + " where h.webhookId = :id and h.failingSince is not null",
                        Object[].class)
                .setParameter("id", webhookId)
                .getResultList();
        return rows.isEmpty() ? null : new Known((Long) rows.get(0)[0], rows.get(0)[1] != null, rows.get(0)[2] != null);
    }

    /** The last 2xx the table knows of; null when none. */
    Long lastSuccessAt(String webhookId) {
        List<Long> rows = em.createQuery(
                        "select h.lastSuccessAt from WebhookHealthEntity h where h.webhookId = :id", Long.class)
                .setParameter("id", webhookId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Every failing endpoint, for the nodes' copies. */
    Map<String, Known> failing() {
        Map<String, Known> all = new HashMap<>();
        em.createQuery(
                        "select h from WebhookHealthEntity h where h.failingSince is not null",
                        WebhookHealthEntity.class)
                .getResultStream()
                .forEach(h -> all.put(h.getWebhookId(), known(h)));
        return all;
    }

    /** Whether this call announced the running failing period ({@code webhook.endpoint.failing}). */
    boolean announce(String webhookId, long at) {
        return em.createQuery("update WebhookHealthEntity h set h.failingNotifiedAt = :at where h.webhookId = :id"
                                + " and h.failingSince is not null and h.failingNotifiedAt is null")
                        .setParameter("at", at)
                        .setParameter("id", webhookId)
                        .executeUpdate()
                == 1;
    }

    /** Whether this call marked the period as disabling: failing since {@code cutOff} or before, not yet disabled. */
    boolean markDisabled(String webhookId, long cutOff, long at) {
        return em.createQuery(
                                "update WebhookHealthEntity h set h.disabledAt = :at where h.webhookId = :id"
                                        + " and h.failingSince is not null and h.failingSince <= :cutOff and h.disabledAt is null")
                        .setParameter("at", at)
                        .setParameter("id", webhookId)
                        .setParameter("cutOff", cutOff)
                        .executeUpdate()
                == 1;
    }

    /**
     * Ends the running failing period after a 2xx.
     *
     * @return whether it had been announced (so {@code webhook.endpoint.recovered} is due); false also when no period
     *     was running
     */
    boolean clear(String webhookId, long at) {
        if (clearWhere(webhookId, at, "h.failingNotifiedAt is not null") == 1) {
            return true;
        }
        clearWhere(webhookId, at, "h.failingSince is not null");
        return false;
    }

    private int clearWhere(String webhookId, long at, String condition) {
        return em.createQuery("update WebhookHealthEntity h set h.failingSince = null, h.failingNotifiedAt = null,"
                        + " h.disabledAt = null, h.lastSuccessAt = :at where h.webhookId = :id and " + condition)
                .setParameter("at", at)
                .setParameter("id", webhookId)
                .executeUpdate();
    }

    /** When the running failing period of the webhook began; null when it is not failing. */
    public Long failingSince(String webhookId) {
        WebhookHealthEntity h = em.find(WebhookHealthEntity.class, webhookId);
        return h == null ? null : h.getFailingSince();
    }

    /** The failing periods of a realm's webhooks: webhook id → since. */
    public Map<String, Long> failingSince(String realmId, List<String> webhookIds) {
        Map<String, Long> since = new HashMap<>();
        if (webhookIds.isEmpty()) {
            return since;
        }
        em.createQuery(
                        "select h from WebhookHealthEntity h where h.realmId = :realm and h.webhookId in :ids"
                                + " and h.failingSince is not null",
                        WebhookHealthEntity.class)
                .setParameter("realm", realmId)
                .setParameter("ids", webhookIds)
                .getResultStream()
                .forEach(h -> since.put(h.getWebhookId(), h.getFailingSince()));
        return since;
    }

    /**
     * Where a recovery of the failing period that began at {@code failingSince} starts: the creation time of the oldest
     * delivery discarded since then (recover selects deliveries by creation, and the delivery whose failure began the
     * period was created before it); {@code failingSince} when none was discarded.
     */
    public long recoverSince(String webhookId, long failingSince) {
        Long oldest = em.createQuery(
                        "select min(d.createdAt) from WebhookDeliveryEntity d where d.webhookId = :id"
                                + " and d.state = :discarded and d.finishedAt >= :since",
                        Long.class)
                .setParameter("id", webhookId)
                .setParameter("discarded", DeliveryState.DISCARDED.code())
                .setParameter("since", failingSince)
                .getSingleResult();
        return oldest == null ? failingSince : Math.min(oldest, failingSince);
    }

    /** An operator re-enabled the webhook: a new failing period starts from its next failure. */
    public void reset(String webhookId) {
        em.createQuery("update WebhookHealthEntity h set h.failingSince = null, h.failingNotifiedAt = null,"
                        + " h.disabledAt = null where h.webhookId = :id and h.failingSince is not null")
                .setParameter("id", webhookId)
                .executeUpdate();
    }

    public void deleteWebhook(String webhookId) {
        em.createQuery("delete from WebhookHealthEntity h where h.webhookId = :id")
                .setParameter("id", webhookId)
                .executeUpdate();
    }

    public int deleteRealm(String realmId) {
        return em.createQuery("delete from WebhookHealthEntity h where h.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    private static Known known(WebhookHealthEntity h) {
        return new Known(h.getFailingSince(), h.getFailingNotifiedAt() != null, h.getDisabledAt() != null);
    }
}
