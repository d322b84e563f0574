package io.github.b2bpack.webhook.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPayloadsTest {

    private static final long AT = 1_800_000_000_000L;
    private static final String URL = "https://crm.example.com:8443/hooks/kc?token=s3cr3t-in-the-query";
    private static final EndpointPayloads.Facts FACTS = new EndpointPayloads.Facts(
            "realm-id", "acme", "hook-id", "crm", URL, AT - 3_600_000, AT - 7_200_000, 503, "http_503");

    @Test
    void disabledCarriesTheFactsAndTheHostOnly() {
        JsonNode p = EndpointPayloads.disabled(FACTS, AT, Duration.ofDays(5), EndpointCodes.AUTO_DISABLED);
        assertEquals("webhook.endpoint.disabled", p.get("type").asText());
        assertEquals("2027-01-15T08:00:00Z", p.get("timestamp").asText());
        JsonNode d = p.get("data");
        assertEquals("hook-id", d.get("webhook_id").asText());
        assertEquals("crm", d.get("name").asText());
        assertEquals("crm.example.com", d.get("target_host").asText());
        assertEquals("2027-01-15T07:00:00Z", d.get("failing_since").asText());
        assertEquals("2027-01-15T06:00:00Z", d.get("last_success_at").asText());
        assertEquals(503, d.get("last_status").asInt());
        assertEquals("http_503", d.get("last_error").asText());
        assertEquals("auto_disabled", d.get("deactivated_reason").asText());
        assertEquals(432_000, d.get("disable_after_seconds").asLong());
        assertEquals("acme", d.get("realm").asText());
    }

    @Test
    void noPayloadCarriesTheUrlItsPathOrItsQuery() {
        for (JsonNode p : List.of(
                EndpointPayloads.failing(FACTS, AT),
                EndpointPayloads.recovered(FACTS, AT),
                EndpointPayloads.disabled(FACTS, AT, Duration.ofSeconds(20), EndpointCodes.AUTO_DISABLED))) {
            String json = p.toString();
            assertFalse(json.contains("s3cr3t"), json);
            assertFalse(json.contains("/hooks"), json);
            assertFalse(json.contains("target_url"), json);
            assertTrue(EndpointCodes.ALL.contains(p.get("type").asText()));
        }
    }

    @Test
    void recoveredSaysWhen() {
        JsonNode d = EndpointPayloads.recovered(FACTS, AT).get("data");
        assertEquals("2027-01-15T08:00:00Z", d.get("recovered_at").asText());
        assertEquals(
                "webhook.endpoint.recovered",
                EndpointPayloads.recovered(FACTS, AT).get("type").asText());
    }

    @Test
    void unknownValuesAreNull() {
        EndpointPayloads.Facts bare =
                new EndpointPayloads.Facts("r", "acme", "h", "crm", "not a url", AT, null, null, "timeout");
        JsonNode d = EndpointPayloads.failing(bare, AT).get("data");
        assertTrue(d.get("last_success_at").isNull());
        assertTrue(d.get("last_status").isNull());
        assertTrue(d.get("target_host").isNull());
        assertNull(EndpointPayloads.host("mailto:someone@example.com"));
    }
}
