package io.github.b2bpack.webhook.health;

import java.util.List;

/**
 * The operational event codes, sent to the realm's other webhooks that subscribe to them (exactly or by a wildcard
 * such as {@code webhook.*}); also listed with the pack's other codes in {@code event.EventCodes}.
 */
public final class EndpointCodes {

    public static final String FAILING = "webhook.endpoint.failing";
    public static final String DISABLED = "webhook.endpoint.disabled";
    public static final String RECOVERED = "webhook.endpoint.recovered";

    public static final List<String> ALL = List.of(FAILING, DISABLED, RECOVERED);

    /** {@code deactivated_reason} of a webhook the pack disabled because its endpoint kept failing. */
    public static final String AUTO_DISABLED = "auto_disabled";

    private EndpointCodes() {}
}
