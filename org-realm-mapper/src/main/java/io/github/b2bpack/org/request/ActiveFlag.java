package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.model.OrganizationException;

/**
 * The {@code active} of Cryptr's "Update a Directory Sync": a query parameter, a form body ({@code active=true},
 * as Cryptr's curl sends it) or a JSON body ({@code {"active": true}}); {@code true} or {@code false} only.
 */
public final class ActiveFlag {

    private static final int MAX_BODY = 1_000;

    private ActiveFlag() {}

    public static boolean of(String query, String body) {
        String value = query;
        if (value == null && body != null && !body.isBlank()) {
            String trimmed = body.trim();
            if (trimmed.startsWith("{")) {
                JsonNode root;
                try {
                    root = JsonBodies.object(trimmed, MAX_BODY);
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
                JsonNode active = root.get("active");
                if (active == null || !active.isBoolean()) {
                    throw invalid("active must be true or false");
                }
                return active.booleanValue();
            }
            if (trimmed.length() <= MAX_BODY && trimmed.startsWith("active=")) {
                value = trimmed.substring("active=".length());
            }
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw invalid("active is required: true or false");
    }

    private static OrganizationException invalid(String message) {
        return new OrganizationException(OrganizationException.Kind.INVALID, "invalid_request", message);
    }
}
