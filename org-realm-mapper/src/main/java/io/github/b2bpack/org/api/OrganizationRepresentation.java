package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.model.Organization;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An organization in Cryptr's shape, plus {@code email_domains}: each allowed domain with its ownership
 * status ({@code pending}/{@code verified}) and DNS challenge.
 *
 * @param slug the organization's immutable slug, which Cryptr's JSON calls {@code domain}
 */
@JsonPropertyOrder({
    "__type__",
    "domain",
    "name",
    "allowed_email_domains",
    "email_domains",
    "environments",
    "inserted_at",
    "updated_at"
})
public record OrganizationRepresentation(
        @JsonProperty("__type__") String type,
        @JsonProperty("domain") String slug,
        @JsonProperty("name") String name,
        @JsonProperty("allowed_email_domains") List<String> allowedEmailDomains,
        @JsonProperty("email_domains") List<EmailDomainRepresentation> emailDomains,
        @JsonProperty("environments") List<EnvironmentRepresentation> environments,
        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("updated_at") String updatedAt) {

    public static final String TYPE = "Organization";

    /** @param status each environment's status, as its realm stands */
    public static OrganizationRepresentation of(Organization org, Function<Environment, EnvironmentStatus> status) {
        return new OrganizationRepresentation(
                TYPE,
                org.slug(),
                org.name(),
                org.emailDomains(),
                org.claims().stream().map(EmailDomainRepresentation::of).toList(),
                Arrays.stream(Environment.values())
                        .map(e -> EnvironmentRepresentation.of(e, status.apply(e), org.slug()))
                        .toList(),
                Instant.ofEpochMilli(org.createdAt()).toString(),
                Instant.ofEpochMilli(org.updatedAt()).toString());
    }
}
