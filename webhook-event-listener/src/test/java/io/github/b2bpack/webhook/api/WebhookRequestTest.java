package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.format.PayloadFormat;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    private static final String BASE =
            "{\"name\":\"n\",\"target_url\":\"https://example.com/h\",\"event_codes\":[\"*\"]";

    @Test
    void payloadFormatIsStandardOrCloudEventsAndAbsentMeansUnchanged() {
        assertNull(WebhookRequest.parse(BASE + "}").payloadFormat());
        assertNull(WebhookRequest.parse(BASE + ",\"payload_format\":null}").payloadFormat());
        assertEquals(
                PayloadFormat.CLOUDEVENTS,
                WebhookRequest.parse(BASE + ",\"payload_format\":\"cloudevents\"}")
                        .payloadFormat());
        assertEquals(
                PayloadFormat.STANDARD,
                WebhookRequest.parse(BASE + ",\"payload_format\":\"standard\"}").payloadFormat());
    }

    @Test
    void anyOtherPayloadFormatIsABadRequestNamingTheField() {
        // ApiException.badRequest: a 400 invalid_request (its Response needs a JAX-RS runtime, not here).
        for (String bad : new String[] {"\"CloudEvents\"", "\"json\"", "\"\"", "1", "true", "[\"standard\"]", "{}"}) {
            ApiException e = assertThrows(
                    ApiException.class, () -> WebhookRequest.parse(BASE + ",\"payload_format\":" + bad + "}"));
            assertTrue(e.getMessage().contains("payload_format"), e.getMessage());
        }
    }
}
