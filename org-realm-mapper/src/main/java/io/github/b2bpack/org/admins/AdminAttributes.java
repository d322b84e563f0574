package io.github.b2bpack.org.admins;

import java.util.List;
import java.util.Map;

/**
 * The user attributes that make a user of an organization's realm one of its administrators. They are kept on
 * the user (in the database, so every node of a cluster reads the same) rather than in a table of the pack:
 * they live and die with the user, and Keycloak's admin console shows them. Values are epoch milliseconds.
 */
public final class AdminAttributes {

    /** Present on every invited user: when the (latest) invitation was sent. */
    public static final String INVITED_AT = "b2bpack.admin.invited_at";

    public static final String ACCEPTED_AT = "b2bpack.admin.accepted_invitation_at";
    public static final String DECLINED_AT = "b2bpack.admin.declined_to_be_in_charge_at";
    public static final String LAST_LOGIN_AT = "b2bpack.admin.last_login_at";

    /** {@code true} when the invitation created the user, so deleting an unanswered invitation deletes the user. */
    public static final String CREATED_BY_INVITATION = "b2bpack.admin.created_by_invitation";

    /** Every attribute above, removed when an administrator is deleted but the user stays. */
    public static final List<String> ALL =
            List.of(INVITED_AT, ACCEPTED_AT, DECLINED_AT, LAST_LOGIN_AT, CREATED_BY_INVITATION);

    private AdminAttributes() {}

    /** The administrator record of a user's attributes, or null when the user was never invited. */
    public static AdminRecord read(Map<String, List<String>> attributes) {
        Long invited = millis(attributes, INVITED_AT);
        if (invited == null) {
            return null;
        }
        return new AdminRecord(
                invited,
                millis(attributes, ACCEPTED_AT),
                millis(attributes, DECLINED_AT),
                millis(attributes, LAST_LOGIN_AT),
                "true".equals(first(attributes, CREATED_BY_INVITATION)));
    }

    /** A stored timestamp; an unreadable one (edited by hand) counts as absent rather than failing the API. */
    static Long millis(Map<String, List<String>> attributes, String name) {
        String value = first(attributes, name);
        if (value == null || value.isEmpty() || value.length() > 19) {
            return null;
        }
        try {
            long millis = Long.parseLong(value);
            return millis < 0 ? null : millis;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
