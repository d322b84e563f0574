package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where the owner of an email address signs in: the organization and its realms' OIDC issuers.
 *
 * @param slug the organization's immutable slug, which Cryptr's JSON calls {@code domain}
 */
@JsonPropertyOrder({"__type__", "domain", "name", "realms"})
public record DiscoveryRepresentation(
        @JsonProperty("__type__") String type,
        @JsonProperty("domain") String slug,
        @JsonProperty("name") String name,
        @JsonProperty("realms") List<RealmEntry> realms) {

    public static final String TYPE = "OrganizationDiscovery";

    @JsonPropertyOrder({"environment", "realm", "status", "issuer"})
    public record RealmEntry(
            @JsonProperty("environment") String environment,
            @JsonProperty("realm") String realm,
            @JsonProperty("status") String status,
            @JsonProperty("issuer") String issuer) {}
}
