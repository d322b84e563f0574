package io.github.b2bpack.org.dirsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The email addresses a SCIM User body (RFC 7643 section 4.1) or PATCH body (RFC 7644 section 3.5.2) would give a
 * user: {@code userName} when it is an address (organization realms use the email as username) and every
 * {@code emails[].value}. The endpoint refuses one outside the organization's domains with {@code invalidValue}
 * before Keycloak sees it; the realm's user-profile validator stays the rule behind it.
 */
public final class ScimAddresses {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:user:";

    private ScimAddresses() {}

    /** From a User resource (POST, PUT). */
    public static List<String> ofUser(JsonNode user) {
        List<String> found = new ArrayList<>();
        collectUser(user, found);
        return found;
    }

    /** From a PatchOp's {@code add} and {@code replace} operations. */
    public static List<String> ofPatch(JsonNode patch) {
        List<String> found = new ArrayList<>();
        JsonNode operations = field(patch, "Operations");
        if (operations == null || !operations.isArray()) {
            return found;
        }
        for (JsonNode operation : operations) {
            String op = text(field(operation, "op"));
            if (op == null || op.equalsIgnoreCase("remove")) {
                continue;
            }
            String path = text(field(operation, "path"));
            JsonNode value = field(operation, "value");
            if (path == null || path.isBlank()) {
                collectUser(value, found);
                continue;
            }
            String attribute = path.toLowerCase(Locale.ROOT);
            if (attribute.startsWith(CORE_USER)) {
                attribute = attribute.substring(CORE_USER.length());
            }
            if (attribute.equals("username")) {
                addIfAddress(value, found);
            } else if (attribute.startsWith("emails")) {
                collectEmails(value, found);
            }
        }
        return found;
    }

    private static void collectUser(JsonNode user, List<String> found) {
        if (user == null || !user.isObject()) {
            return;
        }
        addIfAddress(field(user, "userName"), found);
        collectEmails(field(user, "emails"), found);
    }

    private static void collectEmails(JsonNode emails, List<String> found) {
        if (emails == null) {
            return;
        }
        if (emails.isArray()) {
            emails.forEach(email -> collectEmails(email, found));
        } else if (emails.isObject()) {
            addIfText(field(emails, "value"), found);
        } else {
            addIfText(emails, found);
        }
    }

    private static void addIfAddress(JsonNode node, List<String> found) {
        String value = text(node);
        if (value != null && value.contains("@")) {
            found.add(value);
        }
    }

    private static void addIfText(JsonNode node, List<String> found) {
        String value = text(node);
        if (value != null && !value.isBlank()) {
            found.add(value);
        }
    }

    /** SCIM attribute names are case-insensitive (RFC 7643 section 2.1). */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
