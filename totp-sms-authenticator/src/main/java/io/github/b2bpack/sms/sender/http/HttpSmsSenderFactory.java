package io.github.b2bpack.sms.sender.http;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import io.github.b2bpack.sms.sender.SmsSenderProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** {@code http}: generic JSON POST signed with HMAC-SHA256, for any gateway behind a small adapter. */
public final class HttpSmsSenderFactory implements SmsSenderProviderFactory {

    private HttpSenderSettings settings;

    @Override
    public SmsSenderProvider create(KeycloakSession session) {
        return new HttpSmsSender(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = new HttpSenderSettings(
                config.get("url"),
                config.get("secret"),
                config.get("signature-header", "X-B2bpack-Signature"),
                config.getInt("timeout-ms", 5000));
    }

    @Override
    public String getId() {
        return SmsProviderIds.HTTP_SENDER;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("url").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Gateway endpoint that receives POST {\"to\",\"text\",\"realm\"} as JSON.").add()
                .property().name("secret").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("HMAC-SHA256 key of the signature header; may be a ${vault.key} reference. Never shown back.").add()
                .property().name("signature-header").type(ProviderConfigProperty.STRING_TYPE).defaultValue("X-B2bpack-Signature")
                .helpText("Header carrying v1=<hex HMAC-SHA256(secret, timestamp + '.' + body)>.").add()
                .property().name("timeout-ms").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(5000)
                .helpText("Connect and read timeout of one send, in milliseconds.").add()
                .build();
    }
}
