package io.github.b2bpack.it.password.strength;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * Raw HTTP for the strength tests: JSON built by hand so that hostile strings (lone surrogates,
 * NUL) reach the server exactly as written, which a JSON library would refuse or normalise.
 */
final class StrengthHttp {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;

    private StrengthHttp() {}

    /** {@code POST /realms/{realm}/password-strength} with a raw body. */
    static OidcClient.Response strengthCheck(String realm, String rawJson, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(SERVER + "/realms/" + realm + "/password-strength"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(rawJson, StandardCharsets.UTF_8));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return OidcClient.send(request.build());
    }

    /** {@code PUT /admin/realms/{realm}/users/{id}/reset-password} with the password as a raw JSON string literal body. */
    static OidcClient.Response resetPassword(Keycloak admin, String realm, String userId, String jsonStringLiteral) {
        String body = "{\"type\":\"password\",\"temporary\":false,\"value\":" + jsonStringLiteral + "}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(SERVER + "/admin/realms/" + realm + "/users/" + userId + "/reset-password"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return OidcClient.send(request);
    }

    /** A JSON string literal; characters outside printable ASCII are written as {@code \\uXXXX} escapes. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Fails if the server log holds any of the secrets. */
    static void assertServerLogHoldsNone(List<String> secrets) throws IOException {
        String text = ServerLog.read(); // fails when the log is missing: no log is no proof
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "server log contains a test password");
        }
    }
}
