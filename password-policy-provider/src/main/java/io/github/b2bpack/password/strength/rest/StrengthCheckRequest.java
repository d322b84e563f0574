package io.github.b2bpack.password.strength.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The body of {@code POST /realms/{realm}/password-strength}: {@code {"password": "…",
 * "username": "…", "email": "…", "first_name": "…", "last_name": "…"}}, all but the password
 * optional (the names let a registration form's meter agree with the policy, which reads them from
 * the submitted form). Parsing failures never echo the input: Jackson's messages quote the source,
 * which holds a password.
 *
 * @param password  the password to check, possibly empty
 * @param username  optional, lowers the score of passwords built from it
 * @param email     optional, likewise (whole, local part, domain)
 * @param firstName optional, likewise
 * @param lastName  optional, likewise
 */
public record StrengthCheckRequest(String password, String username, String email, String firstName, String lastName) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    public static StrengthCheckRequest parse(byte[] body) throws InvalidRequest {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("the body is not valid JSON");
        } catch (IOException e) {
            throw new InvalidRequest("the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequest("the body must be a JSON object");
        }
        JsonNode password = root.get("password");
        if (password == null || !password.isTextual()) {
            throw new InvalidRequest("password is required and must be a string");
        }
        return new StrengthCheckRequest(
                password.textValue(),
                optionalText(root, "username"),
                optionalText(root, "email"),
                optionalText(root, "first_name"),
                optionalText(root, "last_name"));
    }

    private static String optionalText(JsonNode root, String field) throws InvalidRequest {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequest(field + " must be a string");
        }
        return value.textValue();
    }

    /** A request the endpoint refuses with 400; the message is safe to return (it never quotes input). */
    public static final class InvalidRequest extends Exception {

        public InvalidRequest(String message) {
            super(message, null, false, false);
        }
    }
}
