package io.github.b2bpack.sms.sender.http;

import io.github.b2bpack.sms.sender.GatewayPost;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** SPI options of the {@code http} sender. {@code secret} may be a {@code ${vault.key}} reference. */
record HttpSenderSettings(String url, String secret, String signatureHeader, int timeoutMillis) {

    private static final String DEFAULT_SIGNATURE_HEADER = "X-B2bpack-Signature";

    static final List<ProviderConfigProperty> OPTIONS = GatewayPost.withTimeoutOption(
                    ProviderConfigurationBuilder.create()
                            .property()
                            .name("url")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .helpText("Gateway endpoint that receives POST {\"to\",\"text\",\"realm\"} as JSON.")
                            .add()
                            .property()
                            .name("secret")
                            .type(ProviderConfigProperty.PASSWORD)
                            .secret(true)
                            .helpText(
                                    "HMAC-SHA256 key of the signature header; may be a ${vault.key} reference. Never shown back.")
                            .add()
                            .property()
                            .name("signature-header")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .defaultValue(DEFAULT_SIGNATURE_HEADER)
                            .helpText("Header carrying v1=<hex HMAC-SHA256(secret, timestamp + '.' + body)>.")
                            .add())
            .build();

    static HttpSenderSettings from(Config.Scope config) {
        return new HttpSenderSettings(
                config.get("url"),
                config.get("secret"),
                config.get("signature-header", DEFAULT_SIGNATURE_HEADER),
                GatewayPost.timeoutMillis(config));
    }
}
