package io.github.b2bpack.sms.sender.twilio;

import io.github.b2bpack.sms.sender.GatewayPost;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * SPI options of the {@code twilio} sender. Either {@code from} or {@code messagingServiceSid} is
 * used (the service wins). {@code authToken} may be a {@code ${vault.key}} reference.
 */
record TwilioSettings(
        String baseUrl,
        String accountSid,
        String authToken,
        String from,
        String messagingServiceSid,
        int timeoutMillis) {

    private static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    static final List<ProviderConfigProperty> OPTIONS = GatewayPost.withTimeoutOption(
                    ProviderConfigurationBuilder.create()
                            .property()
                            .name("base-url")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .defaultValue(DEFAULT_BASE_URL)
                            .helpText("Twilio API base URL.")
                            .add()
                            .property()
                            .name("account-sid")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .helpText("Twilio account SID (AC...).")
                            .add()
                            .property()
                            .name("auth-token")
                            .type(ProviderConfigProperty.PASSWORD)
                            .secret(true)
                            .helpText("Twilio auth token; may be a ${vault.key} reference. Never shown back.")
                            .add()
                            .property()
                            .name("from")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .helpText("Sender number in E.164, used when no messaging service is set.")
                            .add()
                            .property()
                            .name("messaging-service-sid")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .helpText("Twilio Messaging Service SID (MG...); takes precedence over from.")
                            .add())
            .build();

    static TwilioSettings from(Config.Scope config) {
        return new TwilioSettings(
                config.get("base-url", DEFAULT_BASE_URL),
                config.get("account-sid"),
                config.get("auth-token"),
                config.get("from"),
                config.get("messaging-service-sid"),
                GatewayPost.timeoutMillis(config));
    }
}
