package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.model.EnvironmentStatuses;
import io.github.b2bpack.org.slug.Slugs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A create or update body, read field by field so every malformed part gets its own 400 message
 * rather than a generic deserialization error. Absent fields are null (left unchanged on update).
 *
 * @param environments the statuses the body asks for
 * @param slug         the body's {@code domain}, which the API never lets a caller choose or change
 */
public record OrganizationRequest(
        String name, List<String> allowedEmailDomains, EnvironmentStatuses environments, String slug) {

    /** Largest accepted body; an organization is a few hundred bytes. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    /** Parses a body or throws {@link IllegalArgumentException} with a message fit for the caller. */
    public static OrganizationRequest parse(String body) {
        JsonNode root = JsonBodies.object(body, MAX_BODY_CHARS);
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
        EnvironmentStatuses environments = null;
        JsonNode envNode = root.get("environments");
        if (envNode != null && !envNode.isNull()) {
            environments = environments(envNode);
        }
        String slug = null;
        if (root.has("domain") && !root.get("domain").isNull()) {
            slug = root.get("domain").asText();
        }
        return new OrganizationRequest(name, domains, environments, slug);
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
        return Slugs.slugOf(name)
                .orElseThrow(() -> new IllegalArgumentException("name must contain at least one letter or digit"));
    }

    private static EnvironmentStatuses environments(JsonNode envNode) {
        if (!envNode.isArray()) {
            throw new IllegalArgumentException("environments must be an array of {name, status}");
        }
        Map<Environment, EnvironmentStatus> result = new EnumMap<>(Environment.class);
        for (JsonNode env : envNode) {
            JsonNode n = env.get("name");
            JsonNode s = env.get("status");
            if (!env.isObject() || n == null || s == null || !n.isTextual() || !s.isTextual()) {
                throw new IllegalArgumentException("environments must be an array of {name, status}");
            }
            Environment environment = Environment.byId(n.asText())
                    .orElseThrow(() -> new IllegalArgumentException("environment name must be production or sandbox"));
            EnvironmentStatus status = EnvironmentStatus.byId(s.asText())
                    .orElseThrow(() -> new IllegalArgumentException("environment status must be up or down"));
            if (result.put(environment, status) != null) {
                throw new IllegalArgumentException("environment " + environment.id() + " is given twice");
            }
        }
        return new EnvironmentStatuses(result.get(Environment.PRODUCTION), result.get(Environment.SANDBOX));
    }
}
