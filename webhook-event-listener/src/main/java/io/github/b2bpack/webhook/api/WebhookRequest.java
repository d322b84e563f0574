package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.webhook.filter.RateSlots;
import io.github.b2bpack.webhook.filter.SourceFilter;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.DeliveryRules;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import io.github.b2bpack.webhook.subscription.Webhook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of create and update: {@code {name, target_url, event_codes[], active, signature_scheme, payload_format,
 * client_ids[], excluded_client_ids[], environments[], rate_limit_per_second}}, parsed strictly. On create, filters and
 * the rate limit absent or null mean none. On update, each one absent keeps the webhook's value and null clears it
 * ({@link #rulesOver}), so a client written before these fields existed (GET then PUT of the fields it knows) never
 * drops an exclusion and starts receiving its own echo, nor lifts a receiver's rate limit.
 *
 * @param signatureScheme {@code v1} or {@code v1a}; null when absent (create: v1, update: unchanged)
 * @param payloadFormat   {@code standard} or {@code cloudevents}; null when absent (create: standard, update:
 *                        unchanged, so a client that does not know the field never switches a receiver's format)
 * @param rules           the source filters, checked but for whether each client exists, and the rate limit
 */
record WebhookRequest(
        String name,
        String targetUrl,
        List<String> eventCodes,
        boolean active,
        String signatureScheme,
        PayloadFormat payloadFormat,
        DeliveryRules rules,
        Set<String> given) {

    static final int MAX_NAME = 255;
    private static final List<String> FIELD_ORDER = List.of(
            "name",
            "target_url",
            "event_codes",
            "active",
            "signature_scheme",
            "payload_format",
            "client_ids",
            "excluded_client_ids",
            "environments",
            "rate_limit_per_second");
    private static final Set<String> FIELDS = Set.copyOf(FIELD_ORDER);
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
                                + "'; expected " + String.join(", ", FIELD_ORDER));
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
        SourceFilter filter = new SourceFilter(
                names(root, "client_ids"), names(root, "excluded_client_ids"), names(root, "environments"));
        String filterProblem = filter.problem();
        if (filterProblem != null) {
            throw ApiException.badRequest(filterProblem);
        }
        return new WebhookRequest(
                name.asText().trim(),
                url.asText().trim(),
                list,
                active == null || active.isNull() || active.asBoolean(),
                scheme == null || scheme.isNull() ? null : scheme.asText(),
                payloadFormat,
                new DeliveryRules(filter, rateLimit(root.get("rate_limit_per_second"))),
                given(root));
    }

    /**
     * The rules an update sets on {@code before}: the body's value of each filter and of the rate limit where the body
     * has the field (null or [] clears it), the webhook's own value where it does not.
     *
     * @throws ApiException 400 when the result names one client in both client lists
     */
    DeliveryRules rulesOver(Webhook before) {
        SourceFilter mine = rules.filter();
        SourceFilter merged = new SourceFilter(
                given.contains("client_ids") ? mine.clientIds() : before.clientIds(),
                given.contains("excluded_client_ids") ? mine.excludedClientIds() : before.excludedClientIds(),
                given.contains("environments") ? mine.environments() : before.environments());
        String problem = merged.problem();
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        return new DeliveryRules(
                merged,
                given.contains("rate_limit_per_second") ? rules.rateLimitPerSecond() : before.rateLimitPerSecond());
    }

    private static Set<String> given(JsonNode root) {
        Set<String> given = new HashSet<>();
        root.fieldNames().forEachRemaining(given::add);
        return Set.copyOf(given);
    }

    /** An array of strings, duplicates dropped; absent or null: empty. Sizes are checked by {@link SourceFilter}. */
    private static List<String> names(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(field + " must be an array of strings");
        }
        if (node.size() > SourceFilter.MAX_ENTRIES) {
            throw ApiException.badRequest(field + " may have at most " + SourceFilter.MAX_ENTRIES + " entries");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ApiException.badRequest(field + " must be an array of strings");
            }
            if (!names.contains(item.asText())) {
                names.add(item.asText());
            }
        }
        return names;
    }

    /** An integer from 1 to 1000, or null (absent, or JSON null) for unlimited. */
    private static Integer rateLimit(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        // isIntegralNumber: 2.0 and 2.5 are refused alike (no silent rounding); a big integer is a BigIntegerNode.
        if (!node.isIntegralNumber()
                || !node.canConvertToInt()
                || node.intValue() < RateSlots.MIN_PER_SECOND
                || node.intValue() > RateSlots.MAX_PER_SECOND) {
            throw ApiException.badRequest("rate_limit_per_second must be an integer from " + RateSlots.MIN_PER_SECOND
                    + " to " + RateSlots.MAX_PER_SECOND + " (deliveries per second), or null for no limit");
        }
        return node.intValue();
    }
}
