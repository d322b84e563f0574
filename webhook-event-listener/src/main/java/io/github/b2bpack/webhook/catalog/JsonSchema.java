package io.github.b2bpack.webhook.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few JSON Schema (draft 2020-12) pieces the payload schemas are made of. Objects are closed
 * ({@code additionalProperties: false}) unless said otherwise, so a payload field without a schema is an error.
 */
final class JsonSchema {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchema() {}

    static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    /** A string or null: what {@code ObjectNode.put(name, (String) null)} writes for a missing value. */
    static ObjectNode nullableString() {
        ObjectNode s = NODES.objectNode();
        s.putArray("type").add("string").add("null");
        return s;
    }

    static ObjectNode constant(String value) {
        return NODES.objectNode().put("const", value);
    }

    static ObjectNode constant(boolean value) {
        return NODES.objectNode().put("const", value);
    }

    static ObjectNode pattern(String regex) {
        return string().put("pattern", regex);
    }

    /** An RFC 3339 time in UTC as {@code Instant.toString()} writes it. */
    static ObjectNode dateTime() {
        return string().put("format", "date-time");
    }

    /** An object of string (or null) values under any names: event details, resource ids. */
    static ObjectNode stringMap() {
        ObjectNode s = NODES.objectNode().put("type", "object");
        s.set("additionalProperties", nullableString());
        return s;
    }

    /** A whole number, or null when unknown. */
    static ObjectNode nullableInteger() {
        ObjectNode s = NODES.objectNode();
        s.putArray("type").add("integer").add("null");
        return s;
    }

    static ObjectNode integer() {
        return NODES.objectNode().put("type", "integer");
    }

    /** Any JSON value: an admin representation is whatever Keycloak's admin API sent, redacted. */
    static ObjectNode any() {
        return NODES.objectNode();
    }

    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** A closed object: listed properties only, some of them required. */
    static final class ObjectBuilder {

        private final ObjectNode properties = NODES.objectNode();
        private final ArrayNode required = NODES.arrayNode();

        ObjectBuilder required(String name, JsonNode schema) {
            properties.set(name, schema);
            required.add(name);
            return this;
        }

        ObjectBuilder optional(String name, JsonNode schema) {
            properties.set(name, schema);
            return this;
        }

        ObjectNode build() {
            ObjectNode s = NODES.objectNode().put("type", "object");
            s.set("properties", properties);
            s.set("required", required);
            s.put("additionalProperties", false);
            return s;
        }
    }
}
