package io.github.b2bpack.org.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cryptr's {@code User}, built from what Keycloak holds. Keys Cryptr sends as {@code null} stay present
 * with {@code null}; {@code phone_numbers} is always empty (Keycloak holds one number, shown in
 * {@code phone_number}); {@code identities} are the user's identity-provider links.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "__domain__",
    "__environment__",
    "__type__",
    "active",
    "address",
    "email",
    "email_verified",
    "id",
    "identities",
    "inserted_at",
    "meta_data",
    "phone_number",
    "phone_number_verified",
    "phone_numbers",
    "profile",
    "updated_at"
})
public record CryptrUser(
        @JsonProperty("__domain__") String domain,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("__type__") String type,
        @JsonProperty("active") boolean active,
        @JsonProperty("address") Map<String, String> address,
        @JsonProperty("email") String email,
        @JsonProperty("email_verified") boolean emailVerified,
        @JsonProperty("id") String id,

        @JsonProperty("identities") @JsonInclude(content = JsonInclude.Include.ALWAYS)
        List<Map<String, String>> identities,

        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("meta_data") List<MetaEntry> metaData,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("phone_number_verified") boolean phoneNumberVerified,
        @JsonProperty("phone_numbers") List<String> phoneNumbers,
        // Keycloak's JSON mapper leaves out null map entries by default; Cryptr shows every profile claim.
        @JsonProperty("profile") @JsonInclude(content = JsonInclude.Include.ALWAYS)
        Map<String, String> profile,

        @JsonProperty("updated_at") String updatedAt) {

    public static final String TYPE = "User";

    /** One metadata entry, {@code {"key": …, "value": …}}. */
    @JsonPropertyOrder({"key", "value"})
    public record MetaEntry(
            @JsonProperty("key") String key,
            @JsonProperty("value") String value) {}

    public static CryptrUser of(UserSnapshot user, String domain, String environment) {
        Map<String, String> profile = new LinkedHashMap<>();
        for (ProfileClaim claim : ProfileClaim.of(ProfileClaim.Group.PROFILE)) {
            profile.put(claim.claim(), user.first(claim.attribute()));
        }
        // Keycloak's preferred_username claim is the username (the email, for users the API creates).
        profile.put("preferred_username", user.username());
        Map<String, String> address = new LinkedHashMap<>();
        for (ProfileClaim claim : ProfileClaim.of(ProfileClaim.Group.ADDRESS)) {
            String value = user.first(claim.attribute());
            if (value != null) {
                address.put(claim.claim(), value);
            }
        }
        Map<String, String> meta = new TreeMap<>();
        user.attributes()
                .forEach((name, values) -> MetaKeys.keyOf(name)
                        .filter(k -> values != null && !values.isEmpty())
                        .ifPresent(k -> meta.put(k, values.get(0))));
        List<MetaEntry> metaData = new ArrayList<>();
        meta.forEach((k, v) -> metaData.add(new MetaEntry(k, v)));
        List<Map<String, String>> identities = new ArrayList<>();
        for (UserSnapshot.Identity identity : user.identities()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("provider", identity.provider());
            entry.put("user_id", identity.userId());
            entry.put("username", identity.username());
            identities.add(entry);
        }
        return new CryptrUser(
                domain,
                environment,
                TYPE,
                user.enabled(),
                address.isEmpty() ? null : address,
                user.email(),
                user.emailVerified(),
                user.id(),
                identities,
                iso(user.createdAt()),
                metaData,
                user.first(ProfileClaim.PHONE_NUMBER.attribute()),
                "true".equals(user.first(ProfileClaim.PHONE_VERIFIED_ATTRIBUTE)),
                List.of(),
                profile,
                iso(user.updatedAt() != null ? user.updatedAt() : user.createdAt()));
    }

    /**
     * The same user with the phone number cut to its last two digits, for admin events: the pack never puts
     * a phone number in full in an event (CONTRIBUTING.md).
     */
    public CryptrUser forEvent() {
        String masked = phoneNumber == null || phoneNumber.length() < 3
                ? phoneNumber
                : "…" + phoneNumber.substring(phoneNumber.length() - 2);
        return new CryptrUser(
                domain,
                environment,
                type,
                active,
                address,
                email,
                emailVerified,
                id,
                identities,
                insertedAt,
                metaData,
                masked,
                phoneNumberVerified,
                phoneNumbers,
                profile,
                updatedAt);
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
