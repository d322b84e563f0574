package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.users.MetaKeys;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code add-metadata} ({@code {key, value}}), {@code remove-metadata} and a metakey declaration
 * ({@code {key}}): JSON, or Cryptr's form encoding ({@code key=uid&value=2fa42937}).
 *
 * @param value null for the key-only bodies
 */
public record MetadataRequest(String key, String value) {

    public static final int MAX_BODY_CHARS = 2048;

    /** {@code {key, value}}; a refused one throws {@code OrganizationException} ({@code invalid_request}). */
    public static MetadataRequest keyAndValue(String body) {
        return Refusals.reading(() -> parse(body, true));
    }

    /** {@code {key}}; a refused one throws {@code OrganizationException} ({@code invalid_request}). */
    public static MetadataRequest keyOnly(String body) {
        return Refusals.reading(() -> parse(body, false));
    }

    /** Parses a body or throws {@link IllegalArgumentException} with a message fit for the caller. */
    public static MetadataRequest parse(String body, boolean withValue) {
        Set<String> allowed = withValue ? Set.of("key", "value") : Set.of("key");
        Map<String, String> fields =
                body != null && !body.isBlank() && !body.strip().startsWith("{") ? form(body) : json(body);
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + UserRequest.printable(name) + "'");
            }
        }
        String key = MetaKeys.checkKey(fields.get("key"));
        return new MetadataRequest(key, withValue ? MetaKeys.checkValue(fields.get("value")) : null);
    }

    private static Map<String, String> json(String body) {
        JsonNode root = JsonBodies.object(body, MAX_BODY_CHARS);
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(UserRequest.printable(field.getKey()) + " must be a string");
            }
            fields.put(field.getKey(), field.getValue().asText());
        }
        return fields;
    }

    private static Map<String, String> form(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("request body is neither JSON nor a valid form encoding");
            }
            if (fields.put(name, value) != null) {
                throw new IllegalArgumentException(UserRequest.printable(name) + " is given twice");
            }
        }
        return fields;
    }
}
