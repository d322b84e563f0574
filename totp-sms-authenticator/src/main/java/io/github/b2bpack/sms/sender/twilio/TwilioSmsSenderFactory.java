package io.github.b2bpack.sms.sender.twilio;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import io.github.b2bpack.sms.sender.SmsSenderProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** {@code twilio}: Twilio's Messages API; the base URL is an option so tests and proxies can redirect it. */
public final class TwilioSmsSenderFactory implements SmsSenderProviderFactory {

    private TwilioSettings settings;

    @Override
    public SmsSenderProvider create(KeycloakSession session) {
        return new TwilioSmsSender(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = new TwilioSettings(
                config.get("base-url", "https://api.twilio.com"),
                config.get("account-sid"),
                config.get("auth-token"),
                config.get("from"),
                config.get("messaging-service-sid"),
                config.getInt("timeout-ms", 5000));
    }

    @Override
    public String getId() {
        return SmsProviderIds.TWILIO_SENDER;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("base-url").type(ProviderConfigProperty.STRING_TYPE).defaultValue("https://api.twilio.com")
                .helpText("Twilio API base URL.").add()
                .property().name("account-sid").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio account SID (AC...).").add()
                .property().name("auth-token").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Twilio auth token; may be a ${vault.key} reference. Never shown back.").add()
                .property().name("from").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Sender number in E.164, used when no messaging service is set.").add()
                .property().name("messaging-service-sid").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio Messaging Service SID (MG...); takes precedence over from.").add()
                .property().name("timeout-ms").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(5000)
                .helpText("Connect and read timeout of one send, in milliseconds.").add()
                .build();
    }
}
