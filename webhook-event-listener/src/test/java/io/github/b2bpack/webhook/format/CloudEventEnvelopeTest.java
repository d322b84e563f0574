package io.github.b2bpack.webhook.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode payload(String realm) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "user.login.success");
        p.put("timestamp", "2026-12-07T08:00:00.123Z");
        ObjectNode data = p.putObject("data");
        data.put("realm_id", "r-1");
        data.put("realm", realm);
        data.put("user_id", "u-1");
        return p;
    }

    @Test
    void wrapsAPayloadAsAStructuredModeEvent() throws Exception {
        ObjectNode standard = payload("acme");
        JsonNode event = JSON.readTree(new DeliveryBody(standard).bytes(PayloadFormat.CLOUDEVENTS, "msg_1"));
        assertEquals(
                List.of("specversion", "id", "source", "type", "time", "datacontenttype", "data"), iterable(event));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("msg_1", event.get("id").asText());
        assertEquals("/realms/acme", event.get("source").asText());
        assertEquals("io.github.b2bpack.user.login.success", event.get("type").asText());
        assertEquals("2026-12-07T08:00:00.123Z", event.get("time").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(standard.get("data"), event.get("data"));
    }

    @Test
    void theSourceIsOnePathSegmentAndNeverEmpty() {
        assertEquals("/realms/acme%20corp%2Feu", CloudEventEnvelope.source("acme corp/eu"));
        assertEquals("/realms/%C3%A9t%C3%A9", CloudEventEnvelope.source("été"));
        ObjectNode noName = payload(null);
        assertEquals(
                "/realms/r-1",
                CloudEventEnvelope.wrap(noName, "msg_2").get("source").asText());
    }

    @Test
    void theStandardBodyIsSerialisedOnceAndEachCloudEventCarriesItsDeliveryId() throws Exception {
        DeliveryBody body = new DeliveryBody(payload("acme"));
        byte[] first = body.bytes(PayloadFormat.STANDARD, "msg_a");
        assertSame(first, body.bytes(PayloadFormat.STANDARD, "msg_b"));
        assertArrayEquals(JSON.writeValueAsBytes(payload("acme")), first);
        assertEquals(
                "msg_b",
                JSON.readTree(body.bytes(PayloadFormat.CLOUDEVENTS, "msg_b"))
                        .get("id")
                        .asText());
    }

    @Test
    void formatsByNameAndContentType() {
        assertEquals(PayloadFormat.CLOUDEVENTS, PayloadFormat.of("cloudevents"));
        assertNull(PayloadFormat.of("CloudEvents"));
        assertNull(PayloadFormat.of(null));
        assertEquals(PayloadFormat.STANDARD, PayloadFormat.stored(null));
        assertEquals("application/cloudevents+json", PayloadFormat.CLOUDEVENTS.contentType());
        assertEquals("application/json", PayloadFormat.STANDARD.contentType());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
