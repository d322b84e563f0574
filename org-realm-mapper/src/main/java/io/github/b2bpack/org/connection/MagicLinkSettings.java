package io.github.b2bpack.org.connection;

import io.github.b2bpack.org.model.OrganizationException;
import java.util.Set;

/**
 * A magic-link connection as the realm enforces it: whether the browser flow's magic-link step runs and the link's
 * lifetime in seconds (its authenticator configuration). {@code find_or_create_user} is always false: the step signs in
 * existing users only (no enumeration, no sign-up by email), so {@code true} is refused.
 */
public record MagicLinkSettings(boolean active, int expiry) {

    public static final int MIN_EXPIRY = 60;

    public static final int MAX_EXPIRY = 86_400;

    static final String ACTIVE = "active";
    static final String EXPIRY = "expiry_in_seconds";
    static final String FIND_OR_CREATE = "find_or_create_user";
    static final String TEMPLATE = "sign_in_template_id";
    private static final Set<String> FIELDS = Set.of(ACTIVE, EXPIRY, FIND_OR_CREATE, TEMPLATE);

    /** These settings with {@code body} applied; everything is checked before anything is returned. */
    public MagicLinkSettings changedBy(String body) {
        ConnectionBody change = ConnectionBody.parse(body, FIELDS);
        if (Boolean.TRUE.equals(change.bool(FIND_OR_CREATE))) {
            throw unsupported(FIND_OR_CREATE + "=true is not offered: magic links sign in existing users only");
        }
        if (change.text(TEMPLATE) != null) {
            throw unsupported(TEMPLATE + " is not offered: the email comes from the realm's email theme");
        }
        Boolean activeWanted = change.bool(ACTIVE);
        Integer expiryWanted = change.integer(EXPIRY, MIN_EXPIRY, MAX_EXPIRY);
        return new MagicLinkSettings(
                activeWanted == null ? active : activeWanted, expiryWanted == null ? expiry : expiryWanted);
    }

    private static OrganizationException unsupported(String message) {
        return new OrganizationException(OrganizationException.Kind.INVALID, "unsupported_setting", message);
    }
}
