package io.github.b2bpack.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Talks to a realm's OIDC endpoints as a relying party would: plain HTTP, no Keycloak classes,
 * so the tests see exactly what clients see.
 */
public final class OidcClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;

    /** @param realmUrl for example {@code http://localhost:8080/realms/acme} */
    public OidcClient(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public String authorizationUrl(String clientId, String redirectUri) {
        return realmUrl + "/protocol/openid-connect/auth?client_id=" + enc(clientId)
                + "&response_type=code&scope=openid&redirect_uri=" + enc(redirectUri);
    }

    /** Resource owner password grant (direct grant). */
    public Response passwordGrant(String clientId, String username, String password) {
        return token(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password,
                "scope", "openid");
    }

    public Response authorizationCodeGrant(String clientId, String code, String redirectUri) {
        return token(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "code", code,
                "redirect_uri", redirectUri);
    }

    /** A form post to the token endpoint, its fields given as name, value, name, value… in order. */
    private Response token(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return postForm(realmUrl + "/protocol/openid-connect/token", form);
    }

    public Response userInfo(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return send(request);
    }

    public static Response postForm(String url, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return send(request);
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The one HTTP client, built at the first request rather than when this class loads: it takes the JVM's default
     * TLS context, which trusts the production test server's certificate only once that server has started (a test
     * may make an {@code OidcClient} in a field initializer, before the framework starts the server).
     */
    private static final class Http {
        static final HttpClient CLIENT =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An HTTP answer with its body parsed as JSON on demand. */
    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asText();
        }
    }
}
