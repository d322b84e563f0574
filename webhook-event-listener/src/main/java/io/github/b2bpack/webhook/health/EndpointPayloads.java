package io.github.b2bpack.webhook.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Payloads of the operational events {@code webhook.endpoint.failing|disabled|recovered}, in the pack's envelope
 * {@code {type, timestamp, data}}. They name the endpoint by id, name and host only: a target URL's path and query
 * can carry a token, so the URL itself is never sent; no key or secret of any kind is in them.
 */
public final class EndpointPayloads {

    /** The facts one event tells. */
    public record Facts(
            String realmId,
            String realmName,
            String webhookId,
            String name,
            String targetUrl,
            Long failingSince,
            Long lastSuccessAt,
            Integer lastStatus,
            String lastError) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointPayloads() {}

    /** After the first discarded delivery of a failing period. */
    public static ObjectNode failing(Facts f, long at) {
        return envelope(EndpointCodes.FAILING, at, data(f));
    }

    /** The webhook was disabled: every attempt failed for {@code disableAfter}. */
    public static ObjectNode disabled(Facts f, long at, Duration disableAfter, String reason) {
        ObjectNode data = data(f);
        data.put("deactivated_reason", reason);
        data.put("disable_after_seconds", disableAfter.toSeconds());
        return envelope(EndpointCodes.DISABLED, at, data);
    }

    /** A 2xx ended a failing period that had been announced. */
    public static ObjectNode recovered(Facts f, long at) {
        ObjectNode data = data(f);
        data.put("recovered_at", Instant.ofEpochMilli(at).toString());
        return envelope(EndpointCodes.RECOVERED, at, data);
    }

    /** A trigger-test sample of {@code code}: the shape of a real one, with placeholder values, flagged {@code test}. */
    public static ObjectNode sample(String code, String realmId, String realmName, long at) {
        Facts f = new Facts(
                realmId,
                realmName,
                "00000000-0000-0000-0000-000000000000",
                "sample",
                "https://receiver.example.com/",
                at - 3_600_000,
                at - 7_200_000,
                503,
                "http_503");
        ObjectNode payload = switch (code) {
            case EndpointCodes.DISABLED -> disabled(f, at, Duration.ofDays(5), EndpointCodes.AUTO_DISABLED);
            case EndpointCodes.RECOVERED ->
                recovered(
                        new Facts(
                                realmId,
                                realmName,
                                f.webhookId(),
                                f.name(),
                                f.targetUrl(),
                                f.failingSince(),
                                null,
                                200,
                                null),
                        at);
            default -> failing(f, at);
        };
        ((ObjectNode) payload.get("data")).put("test", true);
        return payload;
    }

    /** The host of {@code url}, nothing else of it; null when it has none. */
    public static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static ObjectNode data(Facts f) {
        ObjectNode data = JSON.createObjectNode();
        data.put("realm_id", f.realmId());
        data.put("realm", f.realmName());
        data.put("webhook_id", f.webhookId());
        data.put("name", f.name());
        data.put("target_host", host(f.targetUrl()));
        data.put("failing_since", time(f.failingSince()));
        data.put("last_success_at", time(f.lastSuccessAt()));
        if (f.lastStatus() == null) {
            data.putNull("last_status");
        } else {
            data.put("last_status", f.lastStatus());
        }
        data.put("last_error", f.lastError());
        return data;
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static ObjectNode envelope(String code, long at, ObjectNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", code);
        root.put("timestamp", Instant.ofEpochMilli(at).toString());
        root.set("data", data);
        return root;
    }
}
