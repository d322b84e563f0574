package io.github.b2bpack.org.admins;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * Cryptr's {@code Admin}: the invitation's timestamps (null when not happened, as Cryptr sends them), the
 * dashboard {@code color} (derived from the email, so it is stable without storing it), and the organization.
 * Added to Cryptr's keys: {@code __type__}, {@code __environment__} and {@code status}.
 *
 * @param organization the organization's representation (the API's {@code OrganizationRepresentation})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "__type__",
    "__environment__",
    "accepted_invitation_at",
    "color",
    "declined_to_be_in_charge_at",
    "email",
    "id",
    "inserted_at",
    "invited_at",
    "last_login_at",
    "organization",
    "status",
    "updated_at"
})
public record CryptrAdmin(
        @JsonProperty("__type__") String type,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("accepted_invitation_at") String acceptedInvitationAt,
        @JsonProperty("color") String color,
        @JsonProperty("declined_to_be_in_charge_at") String declinedToBeInChargeAt,
        @JsonProperty("email") String email,
        @JsonProperty("id") String id,
        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("invited_at") String invitedAt,
        @JsonProperty("last_login_at") String lastLoginAt,
        @JsonProperty("organization") Object organization,
        @JsonProperty("status") String status,
        @JsonProperty("updated_at") String updatedAt) {

    public static final String TYPE = "Admin";

    /** Tailwind-like colors, as Cryptr's dashboard uses ({@code red-500}). */
    static final List<String> COLORS = List.of(
            "red-500",
            "orange-500",
            "amber-500",
            "lime-500",
            "green-500",
            "teal-500",
            "cyan-500",
            "sky-500",
            "blue-500",
            "indigo-500",
            "violet-500",
            "purple-500",
            "fuchsia-500",
            "pink-500",
            "rose-500");

    /**
     * @param id        the user's id in the organization's realm
     * @param createdAt the user's creation (epoch millis, null when Keycloak has none)
     */
    public static CryptrAdmin of(
            String id, String email, Long createdAt, AdminRecord admin, String environment, Object organization) {
        long updated = latest(admin);
        return new CryptrAdmin(
                TYPE,
                environment,
                iso(admin.acceptedAt()),
                color(email),
                iso(admin.declinedAt()),
                email,
                id,
                iso(createdAt != null ? createdAt : admin.invitedAt()),
                iso(admin.invitedAt()),
                iso(admin.lastLoginAt()),
                organization,
                admin.status().id(),
                iso(updated));
    }

    /** The same administrator with the organization left out (admin events carry the organization's slug only). */
    public CryptrAdmin withoutOrganization() {
        return new CryptrAdmin(
                type,
                environment,
                acceptedInvitationAt,
                color,
                declinedToBeInChargeAt,
                email,
                id,
                insertedAt,
                invitedAt,
                lastLoginAt,
                null,
                status,
                updatedAt);
    }

    /** A color picked from the email, the same for the same (case-insensitive) address. */
    public static String color(String email) {
        String key = email == null ? "" : email.toLowerCase(java.util.Locale.ROOT);
        return COLORS.get(Math.floorMod(key.hashCode(), COLORS.size()));
    }

    /** The last change of the invitation (a login is not a change of the administrator). */
    static long latest(AdminRecord admin) {
        long latest = admin.invitedAt();
        if (admin.acceptedAt() != null) {
            latest = Math.max(latest, admin.acceptedAt());
        }
        if (admin.declinedAt() != null) {
            latest = Math.max(latest, admin.declinedAt());
        }
        return latest;
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
