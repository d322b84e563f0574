package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a request body that must be one JSON object, bounded in size before it is parsed. */
final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {}

    /** The body's object, or {@link IllegalArgumentException} with a message fit for the caller. */
    static JsonNode object(String body, int maxChars) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        if (body.length() > maxChars) {
            throw new IllegalArgumentException("request body is larger than " + maxChars + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        return root;
    }
}
