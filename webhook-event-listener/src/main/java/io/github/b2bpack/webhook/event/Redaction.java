package io.github.b2bpack.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from what leaves Keycloak: event details and admin representations. Deliberately
 * over-eager: a field is replaced by {@value #REDACTED} when its name says it may carry a secret
 * (credential values, client secrets, codes, tokens, keys), wherever it is nested. Identifiers of
 * secrets ({@code token_id}, {@code code_id}) are not secrets and stay.
 */
public final class Redaction {

    public static final String REDACTED = "**REDACTED**";

    /** Names (lower case, without {@code _} and {@code -}) that hold a secret wherever they appear. */
    private static final Set<String> EXACT = Set.of(
            "value",
            "code",
            "key",
            "otp",
            "pin",
            "hash",
            "salt",
            "secretdata",
            "credentialdata",
            "challenge",
            "response",
            "assertion");

    /** Name fragments that mark a secret. */
    private static final List<String> FRAGMENTS = List.of(
            "password",
            "secret",
            "token",
            "credential",
            "privatekey",
            "pepper",
            "apikey",
            "authorization",
            "cookie",
            "signaturekey",
            "recoverycode",
            "bindcredential",
            "passphrase");

    private Redaction() {}

    private static boolean isSensitive(String fieldName) {
        if (fieldName == null) {
            return false;
        }
        String n = fieldName
                .toLowerCase(Locale.ROOT)
                .replace("_", "")
                .replace("-", "")
                .replace(".", "");
        if (EXACT.contains(n)) {
            return true;
        }
        if (n.endsWith("id") || n.endsWith("ids") || n.endsWith("type")) {
            return false;
        }
        for (String fragment : FRAGMENTS) {
            if (n.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** Event details with sensitive values replaced. */
    public static void redactDetails(Map<String, String> details, ObjectNode target) {
        for (Map.Entry<String, String> e : details.entrySet()) {
            target.put(e.getKey(), isSensitive(e.getKey()) ? REDACTED : e.getValue());
        }
    }

    /** Redacts a JSON tree in place; returns it. */
    public static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (isSensitive(name) && child != null && !child.isNull()) {
                    object.put(name, REDACTED);
                } else {
                    redact(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                redact(child);
            }
        }
        return node;
    }
}
