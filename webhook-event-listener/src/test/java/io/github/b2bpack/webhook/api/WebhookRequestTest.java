package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.subscription.DeliveryRules;
import io.github.b2bpack.webhook.subscription.Webhook;
import java.util.List;
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

    /** A webhook that excludes the CRM's echo and is limited to 5/s, as an update finds it. */
    private static final Webhook FILTERED = new Webhook(
            "id",
            "realm",
            "n",
            "https://example.com/h",
            List.of("*"),
            true,
            null,
            0,
            0,
            null,
            null,
            null,
            List.of(),
            List.of("crm-sync"),
            List.of("production"),
            5);

    @Test
    void anUpdateWithoutTheFilterFieldsKeepsTheWebhooksFiltersAndLimit() {
        // The attack: a script written before the filters existed does GET, then PUT of the fields it knows. Before
        // this rule the PUT cleared excluded_client_ids (the CRM got its own echo) and lifted the rate limit.
        DeliveryRules kept = WebhookRequest.parse(BASE + "}").rulesOver(FILTERED);
        assertEquals(List.of("crm-sync"), kept.filter().excludedClientIds());
        assertEquals(List.of("production"), kept.filter().environments());
        assertEquals(5, kept.rateLimitPerSecond());
    }

    @Test
    void anUpdateClearsAFilterOrTheLimitOnlyWhenItSaysSo() {
        DeliveryRules cleared = WebhookRequest.parse(
                        BASE + ",\"excluded_client_ids\":[],\"environments\":null,\"rate_limit_per_second\":null}")
                .rulesOver(FILTERED);
        assertEquals(List.of(), cleared.filter().excludedClientIds());
        assertEquals(List.of(), cleared.filter().environments());
        assertNull(cleared.rateLimitPerSecond());
    }

    @Test
    void aKeptExclusionAndANewInclusionOfTheSameClientIsABadRequest() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> WebhookRequest.parse(BASE + ",\"client_ids\":[\"crm-sync\"]}")
                        .rulesOver(FILTERED));
        assertTrue(e.getMessage().contains("crm-sync"), e.getMessage());
    }
}
