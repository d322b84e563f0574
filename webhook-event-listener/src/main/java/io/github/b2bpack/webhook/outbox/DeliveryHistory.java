package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookDeliveryEntity;
import io.github.b2bpack.webhook.retry.DeliveryState;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/**
 * The outbox as the events API sees it: a realm's deliveries listed (filtered by webhook, state and time), counted
 * and read, one delivery retried or cancelled by an administrator, and a webhook's discarded deliveries recovered. Every lookup is confined to the realm it is given; what it returns are
 * records, never the entities behind them.
 */
public final class DeliveryHistory {

    /** Rows one re-queue UPDATE names by id. */
    static final int IDS_PER_UPDATE = 500;

    private static final List<String> RETRIABLE = List.of(
            DeliveryState.RETRYABLE.code(),
            DeliveryState.DISCARDED.code(),
            DeliveryState.CANCELLED.code(),
            DeliveryState.COMPLETED.code());

    private final EntityManager em;

    public DeliveryHistory(KeycloakSession session) {
        this.em = Jpa.entityManager(session);
    }

    /** A page of the realm's deliveries that match {@code filter}, newest first. */
    public List<Delivery> list(String realmId, DeliveryFilter filter, int first, int max) {
        String jpql = "select d from WebhookDeliveryEntity d where d.realmId = :realm" + filter.where()
                + " order by d.createdAt desc, d.id desc";
        var query =
                filter.bind(em.createQuery(jpql, WebhookDeliveryEntity.class)).setParameter("realm", realmId);
        List<Delivery> list = new ArrayList<>();
        query.setFirstResult(first).setMaxResults(max).getResultStream().forEach(d -> list.add(view(d)));
        return list;
    }

    public long count(String realmId, DeliveryFilter filter) {
        String jpql = "select count(d) from WebhookDeliveryEntity d where d.realmId = :realm" + filter.where();
        return filter.bind(em.createQuery(jpql, Long.class))
                .setParameter("realm", realmId)
                .getSingleResult();
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
        return requeue(realmId, List.of(id), RETRIABLE, now) == 1;
    }

    /**
     * Re-queues the {@code discarded} deliveries of one webhook created at or after {@code since}, newest first, at
     * most {@code maxCount} of them, each with a fresh attempt budget (as {@link #retry}). The ids are read first
     * ({@code maxCount + 1} of them, to tell whether more remain), then updated by id under {@code state =
     * 'discarded'}: a row that a concurrent recover or retry queued meanwhile no longer matches, so no row is queued
     * twice and {@link Recovered#queued} counts only this call's rows.
     */
    public Recovered recover(String realmId, String webhookId, long since, int maxCount, long now) {
        List<String> ids = em.createQuery(
                        "select d.id from WebhookDeliveryEntity d where d.webhookId = :webhook and d.realmId = :realm"
                                + " and d.state = :discarded and d.createdAt >= :since"
                                + " order by d.createdAt desc, d.id desc",
                        String.class)
                .setParameter("webhook", webhookId)
                .setParameter("realm", realmId)
                .setParameter("discarded", DeliveryState.DISCARDED.code())
                .setParameter("since", since)
                .setMaxResults(maxCount + 1)
                .getResultList();
        boolean more = ids.size() > maxCount;
        List<String> chosen = more ? ids.subList(0, maxCount) : ids;
        return new Recovered(requeue(realmId, chosen, List.of(DeliveryState.DISCARDED.code()), now), more);
    }

    /**
     * What one recover call did.
     *
     * @param queued        deliveries this call moved from discarded to available
     * @param moreRemaining whether discarded deliveries older than those remain in the window: call again
     */
    public record Recovered(int queued, boolean moreRemaining) {}

    /**
     * The one way a delivery is queued again: state {@code available}, due now, a fresh attempt budget, no longer
     * finished, for the rows of {@code ids} (in this realm) still in one of {@code from}. One UPDATE per
     * {@value #IDS_PER_UPDATE} ids, so the IN list stays within every database's limit (Oracle: 1,000 expressions;
     * SQL Server: 2,100 parameters). Returns how many rows moved.
     */
    private int requeue(String realmId, List<String> ids, List<String> from, long now) {
        int updated = 0;
        for (int start = 0; start < ids.size(); start += IDS_PER_UPDATE) {
            updated += em.createQuery("update WebhookDeliveryEntity d set d.state = :available, d.attempts = 0,"
                            + " d.nextAttemptAt = :now, d.finishedAt = null"
                            + " where d.id in :ids and d.realmId = :realm and d.state in :from")
                    .setParameter("available", DeliveryState.AVAILABLE.code())
                    .setParameter("now", now)
                    .setParameter("ids", ids.subList(start, Math.min(ids.size(), start + IDS_PER_UPDATE)))
                    .setParameter("realm", realmId)
                    .setParameter("from", from)
                    .executeUpdate();
        }
        return updated;
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
