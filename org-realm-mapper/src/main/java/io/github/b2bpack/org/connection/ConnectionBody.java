package io.github.b2bpack.org.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.org.model.OrganizationException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The body of a connection change: JSON, or Cryptr's form encoding ({@code active=false&expiry_in_seconds=600}).
 * Values are kept as text (JSON {@code null} and an empty form value as null); the read-only fields of the GET answer
 * ({@code __type__}, {@code id}, …) are ignored, so a client may send back what it read; any other unknown field is
 * refused, so a misspelt setting is never silently dropped.
 */
final class ConnectionBody {

    static final int MAX_BODY_CHARS = 2048;
    static final String INVALID_REQUEST = "invalid_request";
    private static final Set<String> READ_ONLY =
            Set.of("__type__", "__domain__", "__environment__", "id", "inserted_at", "updated_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> fields;

    private ConnectionBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Reads {@code body}, accepting only the {@code allowed} fields (and the read-only ones). */
    static ConnectionBody parse(String body, Set<String> allowed) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw invalid("request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        Map<String, String> fields = body == null || body.isBlank()
                ? new HashMap<>()
                : body.strip().startsWith("{") ? json(body) : form(body);
        fields.keySet().removeAll(READ_ONLY);
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid("unknown field '" + printable(name) + "'");
            }
        }
        return new ConnectionBody(fields);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** {@code true} or {@code false}; null when absent; anything else refused. */
    Boolean bool(String name) {
        if (!fields.containsKey(name)) {
            return null;
        }
        String value = fields.get(name);
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        throw invalid(name + " must be true or false");
    }

    /** A whole number in {@code [min, max]}; null when absent or given as null. */
    Integer integer(String name, int min, int max) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw invalid(name + " must be a whole number from " + min + " to " + max + ", got " + n);
        }
        return n;
    }

    /** The text of a field; null when absent or given as null. */
    String text(String name) {
        return fields.get(name);
    }

    static OrganizationException invalid(String message) {
        return new OrganizationException(OrganizationException.Kind.INVALID, INVALID_REQUEST, message);
    }

    private static Map<String, String> json(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("request body must be a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw invalid(printable(field.getKey()) + " must be a single value");
            }
            fields.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return fields;
    }

    private static Map<String, String> form(String body) {
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
                throw invalid("request body is neither JSON nor a valid form encoding");
            }
            if (fields.containsKey(name)) {
                throw invalid(printable(name) + " is given twice");
            }
            fields.put(name, value.isEmpty() ? null : value);
        }
        return fields;
    }

    /** A field name as it may appear in a message: at most 64 printable ASCII characters. */
    static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) : name;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
