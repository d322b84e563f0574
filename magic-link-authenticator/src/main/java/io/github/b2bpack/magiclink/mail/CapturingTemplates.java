package io.github.b2bpack.magiclink.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's FreeMarker {@code EmailTemplateProvider} stopped just before the SMTP conversation: it renders with the
 * realm's email theme, the message bundles and the locale Keycloak resolves for the request (ui_locales, the locale
 * cookie, the user's choice), and keeps the result instead of sending it. The send itself then runs off the request
 * thread ({@link MailQueue}), which the template provider cannot do: it needs the request for the locale and theme URLs.
 */
final class CapturingTemplates extends FreeMarkerEmailTemplateProvider {

    private RenderedMail captured;

    private CapturingTemplates(KeycloakSession session) {
        super(session);
    }

    static RenderedMail render(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            String subjectKey,
            List<Object> subjectAttributes,
            String template,
            Map<String, Object> attributes)
            throws EmailException {
        CapturingTemplates templates = new CapturingTemplates(session);
        templates.setRealm(realm).setUser(user).setAuthenticationSession(authSession);
        templates.send(subjectKey, subjectAttributes, template, attributes);
        if (templates.captured == null) {
            throw new EmailException("the email template produced no message");
        }
        return templates.captured;
    }

    @Override
    protected void send(Map<String, String> config, String subject, String textBody, String htmlBody, String address) {
        captured = new RenderedMail(
                new HashMap<>(config), address == null ? user.getEmail() : address, subject, textBody, htmlBody);
    }
}
