package io.github.b2bpack.sms.sender;

import java.io.IOException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.util.EntityUtils;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * One POST to an HTTP SMS gateway through Keycloak's HTTP client, the same for every gateway: one
 * timeout for connecting, reading and waiting for a pooled connection (option {@value #TIMEOUT_OPTION});
 * any 2xx is delivered; any other status, or a failure to reach the gateway, is an
 * {@link SmsDeliveryException} naming the status or the failure's type, never the text or the number.
 */
public final class GatewayPost {

    public static final String TIMEOUT_OPTION = "timeout-ms";
    static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    private GatewayPost() {}

    /** {@code peer} names the far side in the exception, e.g. {@code "twilio sender: Twilio"}. */
    public static void execute(KeycloakSession session, HttpPost post, int timeoutMillis, String peer)
            throws SmsDeliveryException {
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(timeoutMillis)
                .setSocketTimeout(timeoutMillis)
                .setConnectionRequestTimeout(timeoutMillis)
                .build());
        try (CloseableHttpResponse response =
                session.getProvider(HttpClientProvider.class).getHttpClient().execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            EntityUtils.consumeQuietly(response.getEntity());
            if (status < 200 || status > 299) {
                throw new SmsDeliveryException(peer + " answered " + status);
            }
        } catch (IOException e) {
            throw new SmsDeliveryException(
                    peer + " unreachable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public static int timeoutMillis(Config.Scope config) {
        return config.getInt(TIMEOUT_OPTION, DEFAULT_TIMEOUT_MILLIS);
    }

    /** Adds the timeout option to a gateway's option list. */
    public static ProviderConfigurationBuilder withTimeoutOption(ProviderConfigurationBuilder options) {
        return options.property()
                .name(TIMEOUT_OPTION)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TIMEOUT_MILLIS)
                .helpText("Connect and read timeout of one send, in milliseconds.")
                .add();
    }
}
