package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An administrator invitation: the address, as Cryptr takes it ({@code ?email=} query parameter) or in a JSON
 * body {@code {"email": …}}; both given must agree. The address is lower-cased (it becomes the username).
 */
public record AdminInvitationRequest(String email) {

    public static final int MAX_BODY_CHARS = 4 * 1024;
    private static final Set<String> FIELDS = Set.of("email");

    /** Reads the invitation; a refused one throws {@code OrganizationException} ({@code invalid_request}). */
    public static AdminInvitationRequest of(Map<String, List<String>> query, String body) {
        return Refusals.reading(() -> parse(query, body));
    }

    static AdminInvitationRequest parse(Map<String, List<String>> query, String body) {
        List<String> fromQuery = query == null ? null : query.get("email");
        if (fromQuery != null && fromQuery.size() > 1) {
            throw new IllegalArgumentException("email must be given once");
        }
        String queried = fromQuery == null || fromQuery.isEmpty() ? null : email(fromQuery.get(0), "email");
        String posted = null;
        if (body != null && !body.isBlank()) {
            JsonNode root = JsonBodies.object(body, MAX_BODY_CHARS);
            root.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(
                            "unknown field '" + UserRequest.printable(name) + "': an invitation takes email only");
                }
            });
            JsonNode value = root.get("email");
            if (value != null) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("email must be a string");
                }
                posted = email(value.asText(), "email");
            }
        }
        if (queried != null && posted != null && !queried.equals(posted)) {
            throw new IllegalArgumentException("the query's email and the body's email differ");
        }
        String email = queried != null ? queried : posted;
        if (email == null) {
            throw new IllegalArgumentException("email is required (?email= or {\"email\": …})");
        }
        return new AdminInvitationRequest(email);
    }

    /** A plain address ({@link EmailAddresses#check}), lower-cased. */
    public static String email(String raw, String where) {
        return EmailAddresses.check(raw, where).toLowerCase(Locale.ROOT);
    }
}
