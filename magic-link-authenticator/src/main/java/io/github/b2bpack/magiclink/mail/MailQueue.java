package io.github.b2bpack.magiclink.mail;

import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends a rendered mail with Keycloak's {@link EmailSenderProvider} (the realm's SMTP settings, vault references,
 * truststore) on Keycloak's executor, in a session of its own. The request that asked does not wait for the SMTP
 * server, so its answer takes the same time whether a mail goes out or not (no enumeration by timing), and a slow
 * SMTP server does not hold a request thread. What follows a sent mail (the {@code magic_link.sent} event, a database
 * insert when the realm stores events) runs in the same background job, after the send: the request thread writes
 * nothing that an unknown address would not write.
 */
final class MailQueue {

    private static final Logger LOG = Logger.getLogger(MailQueue.class);
    static final String EXECUTOR = "b2bpack-magic-link-mail";

    private MailQueue() {}

    /** Sends {@code mail}, then runs {@code afterSend} in the same background transaction (only if it was sent). */
    static void submit(
            KeycloakSession session,
            String realmId,
            String realmName,
            RenderedMail mail,
            Consumer<KeycloakSession> afterSend) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR).execute(() -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    // Keycloak's SMTP authenticators read the context realm (the vault for a password, the realm's
                    // id for a token): a background session has none until it is set.
                    s.getContext().setRealm(s.realms().getRealm(realmId));
                    try {
                        s.getProvider(EmailSenderProvider.class)
                                .send(mail.smtp(), mail.address(), mail.subject(), mail.textBody(), mail.htmlBody());
                    } catch (EmailException e) {
                        throw new IllegalStateException(e.getClass().getSimpleName(), e);
                    }
                    afterSend.accept(s);
                });
            } catch (RuntimeException e) {
                // Neither the address nor the link: the cause's class says enough to look at the SMTP settings.
                LOG.warnf(
                        "magic link: sending the email failed in realm %s (%s)",
                        realmName,
                        e.getCause() == null
                                ? e.getClass().getSimpleName()
                                : e.getCause().getClass().getSimpleName());
            }
        });
    }

    /**
     * What an unknown address costs the request thread in place of {@link #submit}: one task handed to the same
     * executor (it does nothing), so both answers pay for the hand-off.
     */
    static void submitNothing(KeycloakSession session) {
        session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR).execute(() -> {});
    }
}
