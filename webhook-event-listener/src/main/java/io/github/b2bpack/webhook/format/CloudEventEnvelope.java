package io.github.b2bpack.webhook.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A standard payload {@code {type, timestamp, data}} as a CloudEvents 1.0 event in structured mode (the JSON event
 * format, sent as {@code application/cloudevents+json}):
 * <ul>
 *   <li>{@code id}: the delivery's {@code webhook-id} ({@code msg_…}), so a receiver deduplicates on either;</li>
 *   <li>{@code source}: {@code /realms/<realm name>}, the path of the realm's issuer URL (a URI-reference, as the
 *       spec allows: the listener does not always know the server's public URL, and one realm's source must not
 *       change with the request that happened to raise the event);</li>
 *   <li>{@code type}: {@value #TYPE_PREFIX} + the event code, reverse-DNS prefixed as the spec advises;</li>
 *   <li>{@code time}: the payload's {@code timestamp} (RFC 3339, UTC); {@code datacontenttype}: application/json;</li>
 *   <li>{@code data}: the payload's {@code data}, unchanged (its schema is in the event catalog).</li>
 * </ul>
 * Built at enqueue time like the standard body, so the stored bytes are the signed and sent bytes.
 */
public final class CloudEventEnvelope {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "io.github.b2bpack.";

    private CloudEventEnvelope() {}

    /** The CloudEvents {@code type} of an event code. */
    public static String type(String code) {
        return TYPE_PREFIX + code;
    }

    /** The CloudEvents {@code source} of a realm: {@code /realms/} and its name as one path segment. */
    public static String source(String realmName) {
        return "/realms/" + URLEncoder.encode(realmName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param standard a payload as {@code WebhookPayloads} builds it
     * @param id       the delivery's message id
     */
    public static ObjectNode wrap(JsonNode standard, String id) {
        JsonNode data = standard.get("data");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", SPEC_VERSION);
        event.put("id", id);
        event.put("source", source(realmOf(data)));
        event.put("type", type(standard.get("type").asText()));
        event.put("time", standard.get("timestamp").asText());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** The realm's name; its id when an event carried none (source must not be empty). */
    private static String realmOf(JsonNode data) {
        JsonNode realm = data == null ? null : data.get("realm");
        if (realm != null && realm.isTextual() && !realm.asText().isEmpty()) {
            return realm.asText();
        }
        JsonNode id = data == null ? null : data.get("realm_id");
        return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : "unknown";
    }
}
