package io.github.b2bpack.sms.sender.log;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import io.github.b2bpack.sms.sender.SmsSenderProviderFactory;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * {@code log}: development only, prints the code to the server log. Refused in production mode
 * (Keycloak's {@code kc.profile} is not {@code dev}) unless
 * {@code --spi-sms-sender--log--enabled-in-production=true}.
 */
public final class LogSmsSenderFactory implements SmsSenderProviderFactory {

    private static final Logger LOG = Logger.getLogger(LogSmsSenderFactory.class);

    private boolean allowed;

    @Override
    public SmsSenderProvider create(KeycloakSession session) {
        return new LogSmsSender(allowed);
    }

    @Override
    public void init(Config.Scope config) {
        boolean enabledInProduction = config.getBoolean(LogSenderPolicy.ENABLED_IN_PRODUCTION, false);
        allowed = LogSenderPolicy.allowed(Environment.isDevMode(), enabledInProduction);
        if (!allowed) {
            LOG.warn(
                    "SMS sender 'log' is refused in production mode (it would write one-time codes to the server log); "
                            + "realms that chose it send no SMS. Set --spi-sms-sender--log--enabled-in-production=true to allow it.");
        } else if (!Environment.isDevMode()) {
            LOG.warn(
                    "SMS sender 'log' is enabled in production mode: one-time codes of realms that choose it are written to the server log");
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(LogSenderPolicy.ENABLED_IN_PRODUCTION)
                .type("boolean")
                .defaultValue(false)
                .helpText(
                        "Allow the log sender outside development mode (start-dev). It writes one-time codes to the server log: "
                                + "leave false in production.")
                .add()
                .build();
    }

    @Override
    public String getId() {
        return SmsProviderIds.LOG_SENDER;
    }

    @Override
    public int order() {
        // Never the default provider of the SPI: a realm must pick it explicitly.
        return -100;
    }
}
