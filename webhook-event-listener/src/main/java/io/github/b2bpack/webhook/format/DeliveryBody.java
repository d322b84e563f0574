package io.github.b2bpack.webhook.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The bodies one event gives its webhooks, serialised once each: the standard body is shared by every standard
 * webhook; a CloudEvents body is one per delivery, since its {@code id} is the delivery's. What is returned here is
 * what is stored, signed and sent.
 */
public final class DeliveryBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode payload;
    private byte[] standard;

    /** @param payload the standard payload {@code {type, timestamp, data}} */
    public DeliveryBody(JsonNode payload) {
        this.payload = payload;
    }

    /** The body of the delivery {@code messageId} in {@code format}. */
    public byte[] bytes(PayloadFormat format, String messageId) {
        if (format == PayloadFormat.CLOUDEVENTS) {
            return serialise(CloudEventEnvelope.wrap(payload, messageId));
        }
        if (standard == null) {
            standard = serialise(payload);
        }
        return standard;
    }

    private static byte[] serialise(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
