package io.github.b2bpack.org.sso.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /sso-saml-challenges}: JSON, or Cryptr's form encoding ({@code user_email=…&redirect_uri=…}).
 * Exactly one of {@code user_email} and {@code org_domain}; {@code redirect_uri} required; {@code client_id} and
 * {@code environment} optional. A refused body throws {@link IllegalArgumentException} with a message fit for the
 * caller (answered 400 {@code invalid_request}).
 */
public record SsoChallengeRequest(
        String userEmail, String orgDomain, String redirectUri, String clientId, String environment) {

    public static final int MAX_BODY_CHARS = 8192;
    static final int MAX_FIELD = 2048;

    private static final Set<String> FIELDS =
            Set.of("user_email", "org_domain", "redirect_uri", "client_id", "environment");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SsoChallengeRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body must give redirect_uri and user_email or org_domain");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        Map<String, String> fields = body.strip().startsWith("{") ? json(body) : form(body);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new IllegalArgumentException("unknown field '" + printable(field.getKey()) + "'");
            }
            if (field.getValue().length() > MAX_FIELD) {
                throw new IllegalArgumentException(field.getKey() + " is longer than " + MAX_FIELD + " characters");
            }
        }
        String email = blankToNull(fields.get("user_email"));
        String org = blankToNull(fields.get("org_domain"));
        if ((email == null) == (org == null)) {
            throw new IllegalArgumentException("give exactly one of user_email and org_domain");
        }
        String redirect = blankToNull(fields.get("redirect_uri"));
        if (redirect == null) {
            throw new IllegalArgumentException("redirect_uri is required");
        }
        return new SsoChallengeRequest(
                email, org, redirect, blankToNull(fields.get("client_id")), blankToNull(fields.get("environment")));
    }

    private static Map<String, String> json(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(printable(field.getKey()) + " must be a string");
            }
            fields.put(field.getKey(), field.getValue().asText());
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
                throw new IllegalArgumentException("request body is neither JSON nor a valid form encoding");
            }
            if (fields.put(name, value) != null) {
                throw new IllegalArgumentException(printable(name) + " is given twice");
            }
        }
        return fields;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
