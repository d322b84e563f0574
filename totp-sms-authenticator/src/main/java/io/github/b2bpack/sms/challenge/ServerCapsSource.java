package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.budget.ServerCaps;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/**
 * The server-wide SMS caps. They are SPI options of {@code sms-otp-form}, so its factory implements
 * this; every send, enrollment sends included, finds that factory by provider id, which keeps this
 * package free of the authenticator's classes.
 */
public interface ServerCapsSource {

    ServerCaps serverCaps();

    /** The caps the {@code sms-otp-form} factory read at start-up, or the defaults when it is absent. */
    static ServerCaps of(KeycloakSession session) {
        Object factory = session.getKeycloakSessionFactory()
                .getProviderFactory(Authenticator.class, SmsProviderIds.SMS_OTP_FORM);
        return factory instanceof ServerCapsSource source ? source.serverCaps() : ServerCaps.DEFAULTS;
    }
}
