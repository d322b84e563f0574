package io.github.b2bpack.it.sms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/** Plain HTTP calls to {@code /admin/realms/{realm}/sms-otp}, so status codes are seen as clients see them. */
final class SmsAdminApi {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body) {
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {});
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    private final Keycloak admin;
    private final String base;

    SmsAdminApi(Keycloak admin, String realm) {
        this.admin = admin;
        this.base = SmsTestRealm.SERVER + "/admin/realms/" + realm + "/sms-otp/users/";
    }

    Reply get(String userId) {
        return call("GET", userId, adminToken());
    }

    Reply forceEnroll(String userId) {
        return call("POST", userId + "/force-enroll", adminToken());
    }

    Reply forceEnroll(String userId, String method) {
        return call("POST", userId + "/force-enroll?method=" + method, adminToken());
    }

    /** {@code GET} or {@code PUT} of {@code /sms-otp/methods} with {@code token} (null: none). */
    Reply methods(String httpMethod, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replace("/users/", "/methods")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(
                        httpMethod,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token() {
        return adminToken();
    }

    Reply delete(String userId) {
        return call("DELETE", userId, adminToken());
    }

    Reply call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }
}
