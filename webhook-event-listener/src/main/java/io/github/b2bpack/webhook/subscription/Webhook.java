package io.github.b2bpack.webhook.subscription;

import java.util.List;

/**
 * A webhook as the rest of the module sees it, signature keys decrypted only where needed.
 *
 * @param eventCodes exact codes or {@code *}-wildcards
 */
public record Webhook(String id, String realmId, String name, String targetUrl, List<String> eventCodes, boolean active,
                      String deactivatedReason, long createdAt, long updatedAt, Long previousKeyUntil) {

    public Webhook {
        eventCodes = List.copyOf(eventCodes);
    }

    public boolean subscribesTo(String code) {
        return EventCodePatterns.anyMatches(eventCodes, code);
    }
}
