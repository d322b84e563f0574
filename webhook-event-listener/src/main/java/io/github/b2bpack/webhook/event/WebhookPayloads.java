package io.github.b2bpack.webhook.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.health.EndpointPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;

/**
 * Turns Keycloak events into the webhook payload {@code {type, timestamp, data}}, secrets redacted.
 * The payload is serialised once, at enqueue time: those exact bytes are stored, signed and sent. Each field written
 * here has its JSON Schema in {@code catalog.PayloadSchemas} (the event catalog); {@code PayloadSchemasTest} fails when
 * a payload changes without its schema.
 */
public final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {}

    public static ObjectNode forUserEvent(String code, Event event, OrganizationContext org) {
        ObjectNode data = JSON.createObjectNode();
        data.put("event_id", event.getId());
        putRealm(data, event.getRealmId(), event.getRealmName(), org);
        data.put("user_id", event.getUserId());
        data.put("client_id", event.getClientId());
        data.put("ip_address", event.getIpAddress());
        data.put("session_id", event.getSessionId());
        data.put(
                "keycloak_type",
                event.getType() == null ? null : event.getType().name());
        if (event.getError() != null) {
            data.put("error", event.getError());
        }
        ObjectNode details = data.putObject("details");
        Map<String, String> d = event.getDetails();
        if (d != null) {
            Redaction.redactDetails(d, details);
        }
        return envelope(code, event.getTime(), data);
    }

    /**
     * @param includeRepresentation whether the realm includes representations in admin events
     * @param maxRepresentationChars representations longer than this are left out (flagged as truncated)
     */
    public static ObjectNode forAdminEvent(
            String code,
            AdminEvent event,
            boolean includeRepresentation,
            OrganizationContext org,
            int maxRepresentationChars) {
        ObjectNode data = JSON.createObjectNode();
        data.put("event_id", event.getId());
        putRealm(data, event.getRealmId(), event.getRealmName(), org);
        AuthDetails auth = event.getAuthDetails();
        if (auth != null) {
            ObjectNode a = data.putObject("auth");
            a.put("realm_id", auth.getRealmId());
            a.put("client_id", auth.getClientId());
            a.put("user_id", auth.getUserId());
            a.put("ip_address", auth.getIpAddress());
            data.put("ip_address", auth.getIpAddress());
        }
        data.put("resource_type", event.getResourceTypeAsString());
        data.put(
                "operation",
                event.getOperationType() == null
                        ? null
                        : event.getOperationType().name());
        data.put("resource_path", event.getResourcePath());
        ObjectNode ids = data.putObject("resource_ids");
        putResourceIds(ids, event.getResourcePath());
        if (event.getError() != null) {
            data.put("error", event.getError());
        }
        ObjectNode details = data.putObject("details");
        if (event.getDetails() != null) {
            Redaction.redactDetails(event.getDetails(), details);
        }
        String representation = event.getRepresentation();
        if (includeRepresentation && representation != null && !representation.isEmpty()) {
            if (representation.length() > maxRepresentationChars) {
                data.put("representation_truncated", true);
            } else {
                data.set("representation", parseRedacted(representation));
            }
        }
        return envelope(code, event.getTime(), data);
    }

    /** A sample for trigger-test: the shape of a real payload, with placeholder values. */
    public static ObjectNode sample(String code, String realmId, String realmName, OrganizationContext org, long now) {
        if (EventCodes.OPERATIONAL.contains(code)) {
            return EndpointPayloads.sample(code, realmId, realmName, now);
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("event_id", "00000000-0000-0000-0000-000000000000");
        putRealm(data, realmId, realmName, org);
        data.put("test", true);
        String[] parts = code.split("\\.");
        // The fields a real event of this code would carry, as far as the code tells them: the sample then matches
        // the code's schema in the event catalog.
        if (code.startsWith("admin.")) {
            data.put("resource_type", parts.length == 4 ? parts[1].toUpperCase(Locale.ROOT) : null);
            data.put("operation", parts.length == 4 ? parts[2].toUpperCase(Locale.ROOT) : null);
            data.put("resource_path", "users/00000000-0000-0000-0000-000000000000");
            data.putObject("resource_ids").put("users", "00000000-0000-0000-0000-000000000000");
        } else {
            data.put("user_id", "00000000-0000-0000-0000-000000000000");
            data.put("client_id", "test-client");
            data.put("ip_address", "203.0.113.7");
            data.putNull("session_id");
            // user.<type>.success|error names a Keycloak type; a pack event's code does not say which type carried it.
            String type = parts.length == 3 ? parts[1].toUpperCase(Locale.ROOT) : null;
            data.put("keycloak_type", type == null || parts[2].equals("success") ? type : type + "_ERROR");
        }
        data.putObject("details");
        return envelope(code, now, data);
    }

    public static byte[] bytes(JsonNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode envelope(String code, long timeMillis, ObjectNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", code);
        root.put("timestamp", Instant.ofEpochMilli(timeMillis).toString());
        root.set("data", data);
        return root;
    }

    private static void putRealm(ObjectNode data, String realmId, String realmName, OrganizationContext org) {
        data.put("realm_id", realmId);
        data.put("realm", realmName);
        if (org != null && org.domain() != null) {
            data.put("organization_domain", org.domain());
        }
        if (org != null && org.environment() != null) {
            data.put("environment", org.environment());
        }
    }

    /** {@code users/123/role-mappings/realm} → {@code {"users": "123", "role-mappings": "realm"}}. */
    static void putResourceIds(ObjectNode ids, String resourcePath) {
        if (resourcePath == null) {
            return;
        }
        String[] parts = resourcePath.split("/");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            ids.put(parts[i], parts[i + 1]);
        }
    }

    private static JsonNode parseRedacted(String representation) {
        try {
            return Redaction.redact(JSON.readTree(representation));
        } catch (IOException e) {
            // Not JSON: we cannot tell what it holds, so it is not forwarded.
            return JSON.getNodeFactory().textNode(Redaction.REDACTED);
        }
    }
}
