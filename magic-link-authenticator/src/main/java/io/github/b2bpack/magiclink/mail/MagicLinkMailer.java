package io.github.b2bpack.magiclink.mail;

import io.github.b2bpack.magiclink.token.MagicLinkToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Renders the magic-link email for {@code user} and queues it ({@code b2bpack-magic-link.ftl}, html and text). */
public final class MagicLinkMailer {

    static final String TEMPLATE = "b2bpack-magic-link.ftl";
    static final String SUBJECT = "b2bpackMagicLinkSubject";

    private MagicLinkMailer() {}

    /**
     * @param link       the action-token URL of a {@link MagicLinkToken}
     * @param ttlSeconds the link's lifespan, shown in the mail
     */
    public static void send(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            String link,
            int ttlSeconds)
            throws EmailException {
        send(session, realm, user, authSession, link, ttlSeconds, s -> {});
    }

    /**
     * Like {@link #send(KeycloakSession, RealmModel, UserModel, AuthenticationSessionModel, String, int)}, then runs
     * {@code afterSend} off the request thread, in the mail's background session, once the mail is sent.
     */
    public static void send(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            String link,
            int ttlSeconds,
            Consumer<KeycloakSession> afterSend)
            throws EmailException {
        String realmName = displayName(realm);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpirationMinutes", Math.max(1, ttlSeconds / 60));
        attributes.put("organizationName", realmName);
        RenderedMail mail = CapturingTemplates.render(
                session, realm, user, authSession, SUBJECT, List.of(realmName), TEMPLATE, attributes);
        MailQueue.submit(session, realm.getId(), realm.getName(), mail, afterSend);
    }

    /**
     * Renders the mail for a decoy user and throws it away: an unknown address costs the request the same work as
     * a known one (token signing, template rendering), so answer times do not tell them apart. Never fails the page.
     */
    public static void rehearse(
            KeycloakSession session,
            RealmModel realm,
            UserModel decoy,
            AuthenticationSessionModel authSession,
            String link,
            int ttlSeconds) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpirationMinutes", Math.max(1, ttlSeconds / 60));
        String realmName = displayName(realm); // the same lookups as a real mail
        attributes.put("organizationName", realmName);
        try {
            CapturingTemplates.render(
                    session, realm, decoy, authSession, SUBJECT, List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException | RuntimeException e) {
            // a decoy: nothing to report
        }
        MailQueue.submitNothing(session);
    }

    private static String displayName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName()
                : realm.getDisplayName();
    }

    /** Whether the realm has an SMTP host to send through. */
    public static boolean canSend(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }
}
