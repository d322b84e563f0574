package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A create or update of an SSO connection, in Cryptr's names, from query parameters (Cryptr's curl examples) and/or
 * a JSON body; a field given in both must agree. Null means "not given". SAML takes the IdP metadata document
 * ({@code metadata}) or its URL ({@code metadata_url}); OIDC takes the discovery URL ({@code discovery_url}, or
 * {@code metadata_url}) and the client's {@code client_id} and {@code client_secret}.
 */
public record SsoConnectionRequest(
        ProviderType providerType,
        UsersAccessPolicy policy,
        Boolean active,
        Integer provisioningLimit,
        String metadata,
        String metadataUrl,
        String clientId,
        String clientSecret) {

    /** Metadata documents of large federations run to megabytes; one IdP's is a few kilobytes. */
    public static final int MAX_METADATA_CHARS = 256 * 1024;

    public static final int MAX_BODY_CHARS = MAX_METADATA_CHARS + 8 * 1024;
    private static final int MAX_FIELD_CHARS = 2048;
    /** Cryptr's, plus the OIDC client's; {@code environment} is the query's environment, not a field. */
    private static final Set<String> FIELDS = Set.of(
            "provider_type",
            "users_access_policy",
            "active",
            "number_users_provisioning_limit",
            "metadata",
            "metadata_url",
            "discovery_url",
            "client_id",
            "client_secret",
            "preload_associations");

    /** Reads the request; a refused one throws {@link OrganizationException} (INVALID). */
    public static SsoConnectionRequest of(Map<String, List<String>> query, String body) {
        Map<String, String> fields = Refusals.reading(() -> fields(query, body));
        String type = fields.get("provider_type");
        ProviderType providerType = type == null
                ? null
                : ProviderType.byId(type)
                        .orElseThrow(() -> Refusals.invalid(
                                "invalid_provider_type",
                                "provider_type must be one of saml.azure_ad, saml.adfs, saml.okta, saml.ping, "
                                        + "saml.onelogin, saml.custom, oidc.generic, oidc.google, oidc.azure_ad"));
        String policyId = fields.get("users_access_policy");
        UsersAccessPolicy policy = policyId == null
                ? null
                : UsersAccessPolicy.byId(policyId)
                        .orElseThrow(() -> Refusals.invalid(
                                "invalid_users_access_policy",
                                "users_access_policy must be only_registered_users, provision_new_users or "
                                        + "unregistered_users_allowed"));
        Boolean active = Refusals.reading(() -> bool(fields.get("active")));
        Integer limit = Refusals.reading(() -> limit(fields.get("number_users_provisioning_limit")));
        String url = fields.get("metadata_url");
        String discovery = fields.get("discovery_url");
        if (url != null && discovery != null && !url.equals(discovery)) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, "give metadata_url or discovery_url, not both");
        }
        return new SsoConnectionRequest(
                providerType,
                policy,
                active,
                limit,
                fields.get("metadata"),
                url != null ? url : discovery,
                fields.get("client_id"),
                fields.get("client_secret"));
    }

    /** True when the request names where the identity provider's configuration comes from. */
    public boolean hasSource() {
        return metadata != null || metadataUrl != null;
    }

    /**
     * The checks that need the protocol (the request's type on create, the connection's on update): which source
     * fields it may carry and, on create, which it must.
     */
    public void checkFor(ProviderType.Protocol protocol, boolean create) {
        if (protocol == ProviderType.Protocol.SAML) {
            if (clientId != null || clientSecret != null) {
                throw Refusals.invalid(
                        Refusals.INVALID_REQUEST, "client_id and client_secret are for OIDC connections");
            }
            if (metadata != null && metadataUrl != null) {
                throw Refusals.invalid(Refusals.INVALID_REQUEST, "give metadata or metadata_url, not both");
            }
            if (create && !hasSource()) {
                throw Refusals.invalid(
                        Refusals.INVALID_REQUEST,
                        "a SAML connection needs the identity provider's metadata (XML) or metadata_url");
            }
        } else {
            if (metadata != null) {
                throw Refusals.invalid(
                        Refusals.INVALID_REQUEST, "an OIDC connection takes discovery_url, not a metadata document");
            }
            if (create && (metadataUrl == null || clientId == null || clientSecret == null)) {
                throw Refusals.invalid(
                        Refusals.INVALID_REQUEST,
                        "an OIDC connection needs discovery_url, client_id and client_secret");
            }
        }
    }

    private static Map<String, String> fields(Map<String, List<String>> query, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((name, values) -> {
                if (name.equals("environment")) {
                    return;
                }
                known(name);
                if (values.size() > 1) {
                    throw new IllegalArgumentException(name + " must be given once");
                }
                if (!values.isEmpty()) {
                    fields.put(name, bounded(name, values.get(0)));
                }
            });
        }
        if (body != null && !body.isBlank()) {
            JsonNode root = JsonBodies.object(body, MAX_BODY_CHARS);
            root.fields().forEachRemaining(entry -> {
                String name = entry.getKey();
                known(name);
                JsonNode value = entry.getValue();
                if (value.isNull() || name.equals("preload_associations")) {
                    return;
                }
                if (!(value.isTextual() || value.isBoolean() || value.isIntegralNumber())) {
                    throw new IllegalArgumentException(name + " must be a string, a boolean or a whole number");
                }
                String text = bounded(name, value.asText());
                String queried = fields.putIfAbsent(name, text);
                if (queried != null && !queried.equals(text)) {
                    throw new IllegalArgumentException("the query's " + name + " and the body's differ");
                }
            });
        }
        fields.remove("preload_associations");
        return fields;
    }

    private static void known(String name) {
        if (!FIELDS.contains(name)) {
            throw new IllegalArgumentException("unknown field '" + UserRequest.printable(name) + "'");
        }
    }

    private static String bounded(String name, String value) {
        int max = name.equals("metadata") ? MAX_METADATA_CHARS : MAX_FIELD_CHARS;
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return name.equals("metadata") ? value : value.strip();
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("active must be true or false");
        };
    }

    private static Integer limit(String value) {
        if (value == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("number_users_provisioning_limit must be a whole number from 0");
    }

    @Override
    public String toString() {
        // The client secret never reaches a log line through this record.
        return "SsoConnectionRequest[providerType=" + providerType + ", policy=" + policy + ", active=" + active
                + ", metadataUrl=" + metadataUrl + ", clientId=" + clientId + "]";
    }
}
