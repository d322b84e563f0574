package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.filter.RateSlots;
import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookRateEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.models.KeycloakSession;

/**
 * A limited webhook's delivery slots, shared by every node through its {@code B2BPACK_WEBHOOK_RATE} row. A claim
 * reserves slots with a locking read of that row and one UPDATE of its next free slot, in the claim's transaction:
 * the row lock orders the reservations of all nodes, so two nodes never hand out the same slot, and a reservation
 * that rolls back gives its slots back. Webhooks without a limit have no row and never come here.
 */
public final class RateLimiter {

    private final EntityManager em;

    public RateLimiter(KeycloakSession session) {
        this.em = Jpa.entityManager(session);
    }

    /**
     * Up to {@code wanted} slots of the webhook at {@code now} ({@link RateSlots#reserve}); the row stays locked until
     * the transaction ends. Call for webhooks in a fixed order (their ids sorted) so two claims cannot deadlock.
     */
    public RateSlots reserve(String webhookId, int perSecond, int wanted, long now) {
        WebhookRateEntity row = em.find(WebhookRateEntity.class, webhookId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            // Written with the webhook's limit; missing only if that write was lost. Two nodes inserting at once
            // fail one claim transaction, whose rows are claimed again by the next pass.
            row = new WebhookRateEntity();
            row.setWebhookId(webhookId);
            row.setNextSlotAt(now);
            em.persist(row);
        }
        RateSlots slots = RateSlots.reserve(row.getNextSlotAt(), now, perSecond, wanted);
        row.setNextSlotAt(slots.nextSlotAt());
        return slots;
    }

    /** With the webhook's write: a limited webhook gets its slot row, an unlimited (or deleted) one loses it. */
    static void prepare(EntityManager em, String webhookId, Integer perSecond, long now) {
        WebhookRateEntity row = em.find(WebhookRateEntity.class, webhookId);
        if (perSecond == null && row != null) {
            em.remove(row);
        } else if (perSecond != null && row == null) {
            row = new WebhookRateEntity();
            row.setWebhookId(webhookId);
            row.setNextSlotAt(now);
            em.persist(row);
        }
    }
}
