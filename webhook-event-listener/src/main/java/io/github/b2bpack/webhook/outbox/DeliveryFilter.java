package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.retry.DeliveryState;

/**
 * Which of a realm's deliveries the events API lists: each part null when not asked for.
 *
 * @param webhookId only this webhook's deliveries (also one deleted since: its history stays until retention)
 * @param state     only deliveries in this state
 * @param since     created at or after this epoch millisecond
 * @param until     created before this epoch millisecond
 */
public record DeliveryFilter(String webhookId, DeliveryState state, Long since, Long until) {

    public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);

    /** The JPQL conditions after {@code d.realmId = :realm}, each with its named parameter. */
    String where() {
        return (webhookId == null ? "" : " and d.webhookId = :webhook")
                + (state == null ? "" : " and d.state = :state")
                + (since == null ? "" : " and d.createdAt >= :since")
                + (until == null ? "" : " and d.createdAt < :until");
    }

    <Q extends jakarta.persistence.Query> Q bind(Q query) {
        if (webhookId != null) {
            query.setParameter("webhook", webhookId);
        }
        if (state != null) {
            query.setParameter("state", state.code());
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        return query;
    }
}
