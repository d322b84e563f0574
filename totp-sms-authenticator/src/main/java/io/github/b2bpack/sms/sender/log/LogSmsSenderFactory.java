package io.github.b2bpack.sms.sender.log;

import io.github.b2bpack.sms.sender.SmsSenderProvider;
import io.github.b2bpack.sms.sender.SmsSenderProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/** {@code log}: development only, prints the code to the server log. */
public final class LogSmsSenderFactory implements SmsSenderProviderFactory {

    public static final String ID = "log";

    @Override
    public SmsSenderProvider create(KeycloakSession session) {
        return new LogSmsSender();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        // Never the default provider of the SPI: a realm must pick it explicitly.
        return -100;
    }
}
