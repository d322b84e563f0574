package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.dirsync.DirectorySync;

/**
 * Cryptr's {@code DirectorySync}: the token's value only in the answer that issued it (create, reset), {@code hidden}
 * elsewhere, with Cryptr's hint texts. {@code scim_base_url} is b2bpack's addition: where the directory sends SCIM.
 */
@JsonPropertyOrder({
    "__domain__",
    "__environment__",
    "__type__",
    "active",
    "auth_secret_token",
    "id",
    "inserted_at",
    "provider_type",
    "scim_base_url",
    "updated_at"
})
public record DirectorySyncRepresentation(
        @JsonProperty("__domain__") String domain,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("__type__") String type,
        @JsonProperty("active") boolean active,
        @JsonProperty("auth_secret_token") AuthSecretToken authSecretToken,
        @JsonProperty("id") String id,
        @JsonProperty("inserted_at") String insertedAt,

        @JsonProperty("provider_type") @JsonInclude(JsonInclude.Include.ALWAYS)
        String providerType,

        @JsonProperty("scim_base_url") String scimBaseUrl,
        @JsonProperty("updated_at") String updatedAt) {

    static final String SHOWN_ONCE =
            "You must save this value. If you lose it you will have to create a new one using the reset endpoint.";
    static final String HIDDEN_HINT = "This value is only displayed once at creation. If you have lost this value and"
            + " wish to recover it, please consider using the reset endpoint.";

    @JsonPropertyOrder({"hint", "provider_key", "value"})
    public record AuthSecretToken(
            @JsonProperty("hint") String hint,
            @JsonProperty("provider_key") String providerKey,
            @JsonProperty("value") String value) {}

    static DirectorySyncRepresentation of(
            String domain, String environment, DirectorySync sync, String token, String scimBaseUrl) {
        AuthSecretToken secret = token == null
                ? new AuthSecretToken(HIDDEN_HINT, "OAuth Bearer Token", "hidden")
                : new AuthSecretToken(SHOWN_ONCE, "OAuth Bearer Token", token);
        return new DirectorySyncRepresentation(
                domain,
                environment,
                "DirectorySync",
                sync.active(),
                secret,
                sync.id(),
                sync.insertedAt(),
                null,
                scimBaseUrl,
                sync.updatedAt());
    }

    /** For admin events: never the token. */
    DirectorySyncRepresentation forEvent() {
        return new DirectorySyncRepresentation(
                domain, environment, type, active, null, id, insertedAt, providerType, scimBaseUrl, updatedAt);
    }
}
