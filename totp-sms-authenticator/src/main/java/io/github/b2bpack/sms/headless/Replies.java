package io.github.b2bpack.sms.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON answers of the headless API: Cryptr's objects, and the pack's {@code {error, error_description}}. */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter CRYPTR_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Replies() {}

    /**
     * Serialized here, not by Keycloak's provider (which drops null fields): Cryptr's objects list every field, and
     * answers that must look alike (unknown address or not) keep the same fields.
     */
    static Response json(int status, Map<String, Object> body) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserializable answer", e);
        }
    }

    static Response error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    static Response error(int status, String error, String description, long retryAfterSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("retry_after", retryAfterSeconds);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)))
                .entity(body)
                .build();
    }

    static Response forbidden() {
        return error(
                403,
                "forbidden",
                "The caller must be the service account of a confidential client of this realm holding the realm role "
                        + HeadlessCaller.ROLE);
    }

    static Response badRequest(String description) {
        return error(400, "invalid_request", description);
    }

    /** Cryptr's timestamps: ISO 8601 in UTC without offset, e.g. {@code 2023-08-23T09:32:42}. */
    static String time(long epochMillis) {
        return CRYPTR_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
