package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.webhook.filter.SourceFilter;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The body of a webhook create or update, from a realm admin. {@link WebhookRequest#parse} must answer
 * a request or throw {@link ApiException} with status 400, never another exception; what it accepts
 * is valid: a trimmed non-blank name of at most 255 characters, event codes that pass validation and,
 * joined as stored, fit the 4,000-character EVENT_CODES column, a known signature scheme or none.
 * Seeds: {@code WebhookRequestFuzzTestInputs/body}.
 */
class WebhookRequestFuzzTest {

    /** VARCHAR size of WEBHOOK.EVENT_CODES (jpa changelog). */
    private static final int EVENT_CODES_COLUMN = 4000;

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        WebhookRequest request;
        try {
            request = WebhookRequest.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ApiException e) {
            assertEquals(400, status(e));
            assertNotNull(e.getMessage());
            return;
        }
        assertTrue(!request.name().isBlank() && request.name().length() <= WebhookRequest.MAX_NAME, "name");
        assertEquals(request.name().trim(), request.name());
        assertNotNull(request.targetUrl());
        assertNull(EventCodePatterns.validate(request.eventCodes()), "event codes");
        assertTrue(EventCodePatterns.join(request.eventCodes()).length() <= EVENT_CODES_COLUMN, "fits the column");
        assertTrue(
                request.signatureScheme() == null
                        || request.signatureScheme().equals("v1")
                        || request.signatureScheme().equals("v1a"),
                "scheme");
        // Filters and the rate limit: valid, within their caps, never naming a client both kept and excluded.
        var rules = request.rules();
        assertNull(rules.filter().problem(), "filters");
        assertTrue(rules.filter().clientIds().size() <= SourceFilter.MAX_ENTRIES, "client_ids cap");
        assertTrue(rules.filter().excludedClientIds().size() <= SourceFilter.MAX_ENTRIES, "excluded cap");
        assertTrue(rules.filter().environments().stream().allMatch(SourceFilter.ENVIRONMENTS::contains), "env");
        assertTrue(
                rules.rateLimitPerSecond() == null
                        || (rules.rateLimitPerSecond() >= 1 && rules.rateLimitPerSecond() <= 1000),
                "rate limit");
    }

    /** The status the resource answers with (toResponse() needs a JAX-RS runtime, absent in unit tests). */
    private static int status(ApiException e) {
        try {
            java.lang.reflect.Field status = ApiException.class.getDeclaredField("status");
            status.setAccessible(true);
            return status.getInt(e);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
