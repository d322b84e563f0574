package io.github.b2bpack.org.admininvite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Sends the invitation through the organization realm's SMTP server, in the person's locale (the realm's
 * default until they choose one), with the realm's email theme and the pack's templates
 * ({@code b2bpack-org-admin-invitation.ftl}, html and text).
 */
public final class AdminInvitationMailer {

    /** Realm attribute that overrides the link's lifespan (seconds) for this token type only. */
    public static final String LIFESPAN_ATTRIBUTE =
            "actionTokenGeneratedByUserLifespan." + AdminInvitationToken.TOKEN_TYPE;

    static final String TEMPLATE = "b2bpack-org-admin-invitation.ftl";

    /** The longest lifespan a link gets (30 days): larger values would overflow the expiry. */
    public static final int MAX_LIFESPAN_SECONDS = 30 * 24 * 3600;

    private AdminInvitationMailer() {}

    /** Whether the realm has an SMTP server to send through (a host), checked before anything is created. */
    public static boolean canSend(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    /**
     * The link's lifespan in seconds: the realm's attribute {@value #LIFESPAN_ATTRIBUTE} when set, otherwise
     * the realm's lifespan of admin-generated action tokens (Realm settings, Tokens; 12 hours by default), which
     * Keycloak's own "send required actions" email uses too.
     */
    public static int lifespan(RealmModel realm) {
        return lifespan(realm.getAttribute(LIFESPAN_ATTRIBUTE), realm.getActionTokenGeneratedByAdminLifespan());
    }

    /** The override when it is a positive number, else the realm's; both capped at 30 days. */
    static int lifespan(String override, int realmLifespan) {
        if (override != null) {
            try {
                int seconds = Integer.parseInt(override.strip());
                if (seconds > 0) {
                    return Math.min(seconds, MAX_LIFESPAN_SECONDS);
                }
            } catch (NumberFormatException e) {
                // an unreadable override falls back to the realm's lifespan
            }
        }
        return Math.min(Math.max(1, realmLifespan), MAX_LIFESPAN_SECONDS);
    }

    /**
     * Signs the invitation token with the organization realm's keys and mails its link. The session's realm is
     * the organization's while it runs (token keys, email theme and locale are the realm's), then restored.
     */
    public static void send(KeycloakSession session, RealmModel realm, UserModel user, long invitedAt)
            throws EmailException {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            int lifespan = lifespan(realm);
            AdminInvitationToken token = new AdminInvitationToken(
                    user.getId(),
                    Time.currentTime() + lifespan,
                    user.getEmail(),
                    invitedAt,
                    Constants.ADMIN_CONSOLE_CLIENT_ID);
            String link = LoginActionsService.actionTokenProcessor(
                            session.getContext().getUri())
                    .queryParam(
                            "key",
                            token.serialize(session, realm, session.getContext().getUri()))
                    .queryParam(Constants.CLIENT_ID, Constants.ADMIN_CONSOLE_CLIENT_ID)
                    .build(realm.getName())
                    .toString();
            String organization = displayName(realm);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("link", link);
            attributes.put("organizationName", organization);
            attributes.put("linkExpirationMinutes", Math.max(1, lifespan / 60));
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send("b2bpackAdminInvitationSubject", List.of(organization), TEMPLATE, attributes);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    /** The organization's name as its realm shows it (the realm's display name, else its name). */
    static String displayName(RealmModel realm) {
        String name = realm.getDisplayName();
        return name == null || name.isBlank() ? realm.getName() : name;
    }
}
