package io.github.b2bpack.sms.sender.log;

import io.github.b2bpack.sms.phone.PhoneNumbers;
import io.github.b2bpack.sms.sender.SmsMessage;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * Development sender: writes the SMS to the server log instead of sending it. It is the only sender
 * that prints the text (which holds the code) — never select it in production, where it is refused
 * unless explicitly enabled ({@link LogSenderPolicy}).
 */
final class LogSmsSender implements SmsSenderProvider {

    private static final Logger LOG = Logger.getLogger(LogSmsSender.class);

    private final boolean allowed;

    LogSmsSender(boolean allowed) {
        this.allowed = allowed;
    }

    @Override
    public boolean usable() {
        return allowed;
    }

    @Override
    public void send(RealmModel realm, SmsMessage message) {
        if (!allowed) {
            // Callers check usable() first; never print a code where it is not allowed.
            return;
        }
        LOG.infof("b2bpack SMS to %s: %s", PhoneNumbers.mask(message.to()), message.text());
    }
}
