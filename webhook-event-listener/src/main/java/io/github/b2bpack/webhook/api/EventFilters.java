package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.outbox.DeliveryFilter;
import io.github.b2bpack.webhook.recover.Timestamps;
import io.github.b2bpack.webhook.retry.DeliveryState;
import java.time.Instant;

/**
 * The events API's list filters, {@code ?webhook_id=&state=&since=&until=}, checked: each one absent or empty means
 * "any"; a bad value is a 400 that says what is expected. {@code since} is inclusive, {@code until} exclusive, both
 * on the delivery's creation time (when its event happened).
 */
final class EventFilters {

    /** Webhook ids are UUIDs (36 characters); longer text names none. */
    private static final int MAX_WEBHOOK_ID = 36;

    private EventFilters() {}

    static DeliveryFilter parse(String webhookId, String state, String since, String until) {
        String webhook = empty(webhookId) ? null : webhookId;
        if (webhook != null && (webhook.length() > MAX_WEBHOOK_ID || !webhook.matches("[A-Za-z0-9-]+"))) {
            throw ApiException.badRequest("webhook_id must be a webhook's id");
        }
        DeliveryState filter = null;
        if (!empty(state)) {
            filter = DeliveryState.fromCode(state);
            if (filter == null) {
                throw ApiException.badRequest(
                        "state must be one of available, executing, retryable, completed, discarded, cancelled");
            }
        }
        Long from = time("since", since);
        Long to = time("until", until);
        if (from != null && to != null && from >= to) {
            throw ApiException.badRequest("since must be earlier than until");
        }
        return new DeliveryFilter(webhook, filter, from, to);
    }

    private static Long time(String name, String value) {
        if (empty(value)) {
            return null;
        }
        Instant at = Timestamps.parse(value);
        if (at == null) {
            throw ApiException.badRequest(Timestamps.expected(name));
        }
        return at.toEpochMilli();
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
