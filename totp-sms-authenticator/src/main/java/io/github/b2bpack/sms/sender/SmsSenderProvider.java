package io.github.b2bpack.sms.sender;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Hands one SMS to a gateway. Implementations never log the text (except the dev-only {@code log} sender). */
public interface SmsSenderProvider extends Provider {

    void send(RealmModel realm, SmsMessage message) throws SmsDeliveryException;

    /** False when this server refuses the sender (e.g. {@code log} in production mode): nothing is sent. */
    default boolean usable() {
        return true;
    }

    @Override
    default void close() {}
}
