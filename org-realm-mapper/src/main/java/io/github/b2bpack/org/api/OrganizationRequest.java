package io.github.b2bpack.org.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.org.slug.Slugs;

/**
 * A create or update body, read field by field so every malformed part gets its own 400 message
 * rather than a generic deserialization error. Absent fields are null (left unchanged on update).
 *
 * @param environments environment name → requested status ({@code up}/{@code down})
 */
public record OrganizationRequest(String name, List<String> allowedEmailDomains, Map<String, String> environments,
                                  String domain) {

    /** Largest accepted body; an organization is a few hundred bytes. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a body or throws {@link IllegalArgumentException} with a message fit for the caller. */
    public static OrganizationRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY_CHARS + " characters");
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
        String name = null;
        if (root.has("name") && !root.get("name").isNull()) {
            if (!root.get("name").isTextual()) {
                throw new IllegalArgumentException("name must be a string");
            }
            name = root.get("name").asText();
        }
        List<String> domains = null;
        JsonNode domainsNode = root.get("allowed_email_domains");
        if (domainsNode != null && !domainsNode.isNull()) {
            if (!domainsNode.isArray()) {
                throw new IllegalArgumentException("allowed_email_domains must be an array of strings");
            }
            domains = new ArrayList<>();
            for (JsonNode d : domainsNode) {
                if (!d.isTextual()) {
                    throw new IllegalArgumentException("allowed_email_domains must be an array of strings");
                }
                domains.add(d.asText());
            }
        }
        Map<String, String> environments = null;
        JsonNode envNode = root.get("environments");
        if (envNode != null && !envNode.isNull()) {
            environments = environments(envNode);
        }
        String domain = null;
        if (root.has("domain") && !root.get("domain").isNull()) {
            domain = root.get("domain").asText();
        }
        return new OrganizationRequest(name, domains, environments, domain);
    }

    /** Validates a name and returns its slug. */
    public static String slugOfName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (name.length() > Slugs.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name is longer than " + Slugs.MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name contains control characters");
        }
        return Slugs.slugOf(name).orElseThrow(() -> new IllegalArgumentException(
                "name must contain at least one letter or digit"));
    }

    private static Map<String, String> environments(JsonNode envNode) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!envNode.isArray()) {
            throw new IllegalArgumentException("environments must be an array of {name, status}");
        }
        for (JsonNode env : envNode) {
            JsonNode n = env.get("name");
            JsonNode s = env.get("status");
            if (!env.isObject() || n == null || s == null || !n.isTextual() || !s.isTextual()) {
                throw new IllegalArgumentException("environments must be an array of {name, status}");
            }
            String envName = n.asText();
            String status = s.asText();
            if (!envName.equals(EnvironmentRepresentation.PRODUCTION) && !envName.equals(EnvironmentRepresentation.SANDBOX)) {
                throw new IllegalArgumentException("environment name must be production or sandbox");
            }
            if (!status.equals(EnvironmentRepresentation.UP) && !status.equals(EnvironmentRepresentation.DOWN)) {
                throw new IllegalArgumentException("environment status must be up or down");
            }
            if (result.put(envName, status) != null) {
                throw new IllegalArgumentException("environment " + envName + " is given twice");
            }
        }
        return result;
    }
}
