package io.github.b2bpack.org.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An organization in Cryptr's shape, plus {@code email_domains}: each allowed domain with its ownership
 * status ({@code pending}/{@code verified}) and DNS challenge.
 */
@JsonPropertyOrder({"__type__", "domain", "name", "allowed_email_domains", "email_domains", "environments", "inserted_at", "updated_at"})
public record OrganizationRepresentation(
        @JsonProperty("__type__") String type,
        @JsonProperty("domain") String domain,
        @JsonProperty("name") String name,
        @JsonProperty("allowed_email_domains") List<String> allowedEmailDomains,
        @JsonProperty("email_domains") List<EmailDomainRepresentation> emailDomains,
        @JsonProperty("environments") List<EnvironmentRepresentation> environments,
        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("updated_at") String updatedAt) {

    public static final String TYPE = "Organization";
}
