package io.github.b2bpack.org.ssoentryweb;

import io.github.b2bpack.org.ssoentry.MetadataUrlGuard;
import io.github.b2bpack.org.ssoentry.OnboardingRefusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Reads a metadata or discovery document from a URL an onboarding page's holder gave: public HTTPS hosts only
 * ({@link MetadataUrlGuard}), no redirects, 5 s timeouts, at most {@link #MAX_BYTES}. Uses Keycloak's shared HTTP
 * client, so the operator's proxy and truststore settings apply.
 */
final class MetadataFetcher {

    static final int MAX_BYTES = 512 * 1024;
    private static final int TIMEOUT_MILLIS = 5000;

    private final KeycloakSession session;
    private final MetadataUrlGuard guard;

    MetadataFetcher(KeycloakSession session) {
        this(session, new MetadataUrlGuard(InetAddress::getAllByName));
    }

    MetadataFetcher(KeycloakSession session, MetadataUrlGuard guard) {
        this.session = session;
        this.guard = guard;
    }

    String fetch(String url) {
        URI uri = guard.check(url);
        HttpGet get = new HttpGet(uri);
        get.setConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setSocketTimeout(TIMEOUT_MILLIS)
                .setConnectionRequestTimeout(TIMEOUT_MILLIS)
                .build());
        try (CloseableHttpResponse response =
                session.getProvider(HttpClientProvider.class).getHttpClient().execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            HttpEntity entity = response.getEntity();
            if (status != 200 || entity == null) {
                throw new OnboardingRefusal("b2bpackSsoOnboardingFetchFailed", "the URL answered HTTP " + status);
            }
            return read(entity.getContent());
        } catch (IOException e) {
            throw new OnboardingRefusal("b2bpackSsoOnboardingFetchFailed", "the URL could not be read");
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new OnboardingRefusal(
                            "b2bpackSsoOnboardingTooLarge", "the document is larger than " + MAX_BYTES);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
