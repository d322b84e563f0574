package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookDeliveryEntity;
import io.github.b2bpack.webhook.retry.DeliveryState;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/**
 * The outbox as the events API sees it: a realm's deliveries listed, counted and read, and one delivery retried
 * or cancelled by an administrator. Every lookup is confined to the realm it is given; what it returns are
 * records, never the entities behind them.
 */
public final class DeliveryHistory {

    private final EntityManager em;

    public DeliveryHistory(KeycloakSession session) {
        this.em = Jpa.entityManager(session);
    }

    public List<Delivery> list(String realmId, DeliveryState state, int first, int max) {
        String jpql = "select d from WebhookDeliveryEntity d where d.realmId = :realm"
                + (state == null ? "" : " and d.state = :state") + " order by d.createdAt desc, d.id desc";
        var query = em.createQuery(jpql, WebhookDeliveryEntity.class).setParameter("realm", realmId);
        if (state != null) {
            query.setParameter("state", state.code());
        }
        List<Delivery> list = new ArrayList<>();
        query.setFirstResult(first).setMaxResults(max).getResultStream().forEach(d -> list.add(view(d)));
        return list;
    }

    public long count(String realmId, DeliveryState state) {
        String jpql = "select count(d) from WebhookDeliveryEntity d where d.realmId = :realm"
                + (state == null ? "" : " and d.state = :state");
        var query = em.createQuery(jpql, Long.class).setParameter("realm", realmId);
        if (state != null) {
            query.setParameter("state", state.code());
        }
        return query.getSingleResult();
    }

    /** The delivery of {@code realmId} with this id; null when there is none (in that realm). */
    public Delivery find(String realmId, String id) {
        WebhookDeliveryEntity d = row(realmId, id);
        return d == null ? null : view(d);
    }

    /** The exact body that is signed and sent; null when there is no such delivery (in that realm). */
    public String payload(String realmId, String id) {
        WebhookDeliveryEntity d = row(realmId, id);
        return d == null ? null : d.getPayload();
    }

    /** Re-reads a delivery after a bulk update ({@link #retry}, {@link #cancel}) changed it behind the persistence context. */
    public Delivery reload(String realmId, String id) {
        WebhookDeliveryEntity d = row(realmId, id);
        if (d == null) {
            return null;
        }
        em.refresh(d);
        return view(d);
    }

    private WebhookDeliveryEntity row(String realmId, String id) {
        return Jpa.findInRealm(em, WebhookDeliveryEntity.class, realmId, id, OutboxStore.ID_LENGTH);
    }

    /** Queues a finished or waiting delivery again, with a fresh attempt budget. */
    public boolean retry(String realmId, String id, long now) {
        int updated = em.createQuery(
                        "update WebhookDeliveryEntity d set d.state = :available, d.attempts = 0, d.nextAttemptAt = :now,"
                                + " d.finishedAt = null where d.id = :id and d.realmId = :realm and d.state in :retriable")
                .setParameter("available", DeliveryState.AVAILABLE.code())
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("realm", realmId)
                .setParameter(
                        "retriable",
                        List.of(
                                DeliveryState.RETRYABLE.code(),
                                DeliveryState.DISCARDED.code(),
                                DeliveryState.CANCELLED.code(),
                                DeliveryState.COMPLETED.code()))
                .executeUpdate();
        return updated == 1;
    }

    public boolean cancel(String realmId, String id, long now) {
        int updated = em.createQuery(
                        "update WebhookDeliveryEntity d set d.state = :cancelled, d.finishedAt = :now, d.lastError = :why"
                                + " where d.id = :id and d.realmId = :realm and d.state in :pending")
                .setParameter("cancelled", DeliveryState.CANCELLED.code())
                .setParameter("now", now)
                .setParameter("why", "cancelled")
                .setParameter("id", id)
                .setParameter("realm", realmId)
                .setParameter("pending", OutboxStore.PENDING)
                .executeUpdate();
        return updated == 1;
    }

    static Delivery view(WebhookDeliveryEntity d) {
        return new Delivery(
                d.getId(),
                d.getRealmId(),
                d.getWebhookId(),
                d.getEventCode(),
                DeliveryState.fromCode(d.getState()),
                d.getAttempts(),
                d.getLastStatus(),
                d.getLastError(),
                d.getCreatedAt(),
                d.getFirstAttemptAt(),
                d.getLastAttemptAt(),
                d.getNextAttemptAt(),
                d.getFinishedAt());
    }
}
