package io.github.b2bpack.it.cluster;

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
import java.util.Map;
import java.util.StringJoiner;

/**
 * Plain HTTP to the cluster, as operators' scripts and relying parties call it: through the balancer
 * ({@link Cluster#BALANCER}) or straight to one node ({@link Cluster#nodeUrl}), with the master realm's admin token
 * where the admin REST API needs one. Built after the run's certificate is trusted (the JDK client takes the default
 * TLS context when it is built).
 */
final class ClusterHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String token;
    private long tokenAt;

    /** An answer: status, body, and the {@code Location} header (the id of a created resource is its last segment). */
    record Response(int status, String body, String location) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        String createdId() {
            if (location == null) {
                throw new AssertionError("no Location in the answer (" + status + "): " + body);
            }
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /**
     * A master-realm admin token (password grant of {@code admin-cli} through the balancer), renewed after 30 s: the
     * master realm's tokens live 60 s. Every node accepts it: its issuer is the cluster's one front-end URL.
     */
    synchronized String adminToken() {
        if (token == null
                || System.nanoTime() - tokenAt > Duration.ofSeconds(30).toNanos()) {
            Response r = form(
                    Cluster.BALANCER + "/realms/master/protocol/openid-connect/token",
                    Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "admin-cli",
                            "username",
                            "admin",
                            "password",
                            "admin"));
            if (r.status() != 200) {
                throw new AssertionError("admin token: " + r.status() + " " + r.body());
            }
            token = r.field("access_token");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    /** An admin REST call ({@code json} may be null) with the admin token, on {@code base} (balancer or a node). */
    Response admin(String method, String base, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    Response postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Response form(String url, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Resource owner password grant on a realm, through {@code base}. */
    Response passwordGrant(String base, String realm, String client, String username, String password) {
        return form(
                base + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        client,
                        "username",
                        username,
                        "password",
                        password,
                        "scope",
                        "openid"));
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
