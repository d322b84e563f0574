package io.github.b2bpack.org.ssobroker;

import io.github.b2bpack.org.request.SsoConnectionRequest;
import io.github.b2bpack.org.sso.MetadataUrls;
import io.github.b2bpack.org.sso.ProviderType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Reads an identity provider's configuration as Keycloak's admin console "import config" does: the document (SAML
 * metadata or OIDC discovery) given inline or fetched from its URL, parsed by Keycloak's own factory
 * ({@code parseConfig}). The fetch goes through Keycloak's HTTP client with redirects off (a redirect could lead
 * to an address the URL rule refused) and the {@link MetadataUrls} rule.
 */
public final class SsoMetadataReader {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final KeycloakSession session;
    /** Config keys of URLs Keycloak's brokers call from the server, not through the browser. */
    private static final String ARTIFACT_RESOLUTION = "artifactResolutionServiceUrl";

    private static final List<String> SERVER_SIDE_URLS =
            List.of("tokenUrl", "userInfoUrl", "jwksUrl", ARTIFACT_RESOLUTION);

    private final Set<String> privateHostsAllowed;

    public SsoMetadataReader(KeycloakSession session, Set<String> privateHostsAllowed) {
        this.session = session;
        this.privateHostsAllowed = privateHostsAllowed;
    }

    /** The factory's config map; {@link SsoRefusal} for a URL or document that cannot be used. */
    public Map<String, String> read(ProviderType.Protocol protocol, String document, String url) {
        String content = document;
        if (content == null) {
            URI uri;
            try {
                uri = MetadataUrls.check(url, privateHostsAllowed, InetAddress::getAllByName);
            } catch (IllegalArgumentException e) {
                throw new SsoRefusal("invalid_metadata_url", e.getMessage());
            }
            content = fetch(uri);
        }
        Map<String, String> config;
        try {
            config = new HashMap<>(factory(protocol).parseConfig(session, content));
        } catch (RuntimeException e) {
            // Keycloak's parsers answer malformed input with runtime exceptions; their text may quote the input.
            throw new SsoRefusal(
                    "invalid_metadata",
                    protocol == ProviderType.Protocol.SAML
                            ? "the SAML metadata is not a valid EntityDescriptor"
                            : "the discovery document is not valid OpenID Connect provider metadata");
        }
        boolean usable = protocol == ProviderType.Protocol.SAML
                ? config.get("singleSignOnServiceUrl") != null
                : config.get("authorizationUrl") != null && config.get("tokenUrl") != null;
        if (!usable) {
            throw new SsoRefusal(
                    "invalid_metadata",
                    protocol == ProviderType.Protocol.SAML
                            ? "the SAML metadata has no IDPSSODescriptor with a SingleSignOnService"
                            : "the discovery document has no authorization_endpoint and token_endpoint");
        }
        if (protocol == ProviderType.Protocol.SAML) {
            // Keycloak's parser turns signature checks on only when the metadata names a signing key: keyless
            // metadata would accept an unsigned SAMLResponse from anyone (attacker review, 2026-12-07).
            String certificate = config.get("signingCertificate");
            if (certificate == null || certificate.isBlank()) {
                throw new SsoRefusal(
                        "invalid_metadata",
                        "the SAML metadata names no signing certificate (a KeyDescriptor of the IDPSSODescriptor);"
                                + " responses could not be verified");
            }
            config.put("validateSignature", "true");
        }
        // The document also names URLs Keycloak itself calls at every login (OIDC token, user info, keys; SAML
        // artifact resolution): the same address rule as the metadata URL, or the document is a second-order SSRF.
        for (String key : SERVER_SIDE_URLS) {
            String value = config.get(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                MetadataUrls.check(value, privateHostsAllowed, InetAddress::getAllByName);
            } catch (IllegalArgumentException e) {
                if (ARTIFACT_RESOLUTION.equals(key)) {
                    // Optional (the pack's connections use the POST binding): dropped, so never called.
                    config.remove(key);
                    continue;
                }
                throw new SsoRefusal("invalid_metadata", key + ": " + e.getMessage());
            }
        }
        return config;
    }

    private IdentityProviderFactory<?> factory(ProviderType.Protocol protocol) {
        return factory(session, protocol.keycloakProviderId());
    }

    /** Keycloak's identity provider factory {@code saml} or {@code oidc}. */
    static IdentityProviderFactory<?> factory(KeycloakSession session, String providerId) {
        return (IdentityProviderFactory<?>)
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, providerId);
    }

    private String fetch(URI uri) {
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
            if (status != 200) {
                throw new SsoRefusal(
                        "metadata_url_unreachable", "the metadata URL answered HTTP " + status + " (200 expected)");
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                throw new SsoRefusal("metadata_url_unreachable", "the metadata URL answered no document");
            }
            try (InputStream in = entity.getContent()) {
                byte[] bytes = in.readNBytes(SsoConnectionRequest.MAX_METADATA_CHARS + 1);
                if (bytes.length > SsoConnectionRequest.MAX_METADATA_CHARS) {
                    throw new SsoRefusal(
                            "invalid_metadata",
                            "the document is larger than " + SsoConnectionRequest.MAX_METADATA_CHARS + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SsoRefusal(
                    "metadata_url_unreachable",
                    "the metadata URL could not be fetched (" + e.getClass().getSimpleName() + ")");
        }
    }
}
