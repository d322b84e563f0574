package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of create and update: {@code {name, target_url, event_codes[], active, signature_scheme, payload_format}},
 * parsed strictly.
 *
 * @param signatureScheme {@code v1} or {@code v1a}; null when absent (create: v1, update: unchanged)
 * @param payloadFormat   {@code standard} or {@code cloudevents}; null when absent (create: standard, update:
 *                        unchanged, so a client that does not know the field never switches a receiver's format)
 */
record WebhookRequest(
        String name,
        String targetUrl,
        List<String> eventCodes,
        boolean active,
        String signatureScheme,
        PayloadFormat payloadFormat) {

    static final int MAX_NAME = 255;
    private static final Set<String> FIELDS =
            Set.of("name", "target_url", "event_codes", "active", "signature_scheme", "payload_format");
    private static final ObjectMapper JSON = new ObjectMapper();

    static WebhookRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("a JSON body is required");
        }
        // The size limit is enforced while the body is read (BoundedBody), before it is parsed.
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest(
                        "unknown field '" + (field.length() > 40 ? field.substring(0, 40) + "…" : field)
                                + "'; expected name, target_url, event_codes, active, signature_scheme, payload_format");
            }
        }
        JsonNode name = root.get("name");
        if (name == null
                || !name.isTextual()
                || name.asText().isBlank()
                || name.asText().length() > MAX_NAME) {
            throw ApiException.badRequest("name must be a non-empty string of at most " + MAX_NAME + " characters");
        }
        JsonNode url = root.get("target_url");
        if (url == null || !url.isTextual()) {
            throw ApiException.badRequest("target_url must be a string");
        }
        JsonNode codes = root.get("event_codes");
        if (codes == null || !codes.isArray()) {
            throw ApiException.badRequest("event_codes must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode code : codes) {
            if (!code.isTextual()) {
                throw ApiException.badRequest("event_codes must be an array of strings");
            }
            if (!list.contains(code.asText())) {
                list.add(code.asText());
            }
        }
        String problem = EventCodePatterns.validate(list);
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        JsonNode active = root.get("active");
        if (active != null && !active.isBoolean() && !active.isNull()) {
            throw ApiException.badRequest("active must be true or false");
        }
        JsonNode scheme = root.get("signature_scheme");
        if (scheme != null
                && !scheme.isNull()
                && !(scheme.isTextual()
                        && (SigningKey.V1.equals(scheme.asText()) || SigningKey.V1A.equals(scheme.asText())))) {
            throw ApiException.badRequest("signature_scheme must be \"v1\" (HMAC-SHA256) or \"v1a\" (Ed25519)");
        }
        JsonNode format = root.get("payload_format");
        PayloadFormat payloadFormat = null;
        if (format != null && !format.isNull()) {
            payloadFormat = format.isTextual() ? PayloadFormat.of(format.asText()) : null;
            if (payloadFormat == null) {
                throw ApiException.badRequest(
                        "payload_format must be \"standard\" ({type, timestamp, data}) or \"cloudevents\""
                                + " (CloudEvents 1.0, structured mode)");
            }
        }
        return new WebhookRequest(
                name.asText().trim(),
                url.asText().trim(),
                list,
                active == null || active.isNull() || active.asBoolean(),
                scheme == null || scheme.isNull() ? null : scheme.asText(),
                payloadFormat);
    }
}
