package io.github.b2bpack.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like login session over plain HTTP with its own cookie jar, sent through the balancer or pinned to
 * one node: every URL Keycloak hands out (form actions, redirects) names the cluster's front end
 * ({@link Cluster#BALANCER}); a session {@link #via pinned} to node {@code i} sends it to that node's own address
 * instead, so a test decides which node serves each step of one login.
 */
final class LoginSession {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Kept by hand: Keycloak's cookies are {@code Secure}, which the JDK's CookieManager withholds from plain HTTP. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    private volatile int node;
    private volatile String forwardedFor;
    private String page = "";
    private String location;

    /** Sends the next requests to node {@code i} (1-based), or through the balancer for 0. */
    LoginSession via(int i) {
        node = i;
        return this;
    }

    /** Sends {@code X-Forwarded-For: address} with every next request, as a client forging its address would. */
    LoginSession forwardedFor(String address) {
        forwardedFor = address;
        return this;
    }

    /** Opens the realm's authorization URL for {@code client}, redirecting back to the realm's discovery document. */
    LoginSession open(String realm, String client) {
        String redirect = redirectUri(realm);
        return get(Cluster.BALANCER + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + enc(client)
                + "&response_type=code&scope=openid&redirect_uri=" + enc(redirect));
    }

    static String redirectUri(String realm) {
        return Cluster.BALANCER + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    /** Opens the login page and posts the username and password. */
    LoginSession login(String realm, String client, String user, String password) {
        open(realm, client);
        return post(Map.of("username", user, "password", password));
    }

    /** Posts a form to the current page's form action and follows the redirects. */
    LoginSession post(Map<String, String> form) {
        Matcher m = ACTION.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no form on the page:\n" + page);
        }
        String action = m.group(1).replace("&amp;", "&");
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        follow(send(HttpRequest.newBuilder(URI.create(routed(action)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
        return this;
    }

    LoginSession get(String url) {
        follow(send(HttpRequest.newBuilder(URI.create(routed(url)))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build()));
        return this;
    }

    private String routed(String url) {
        int i = node;
        return i > 0 && url.startsWith(Cluster.BALANCER)
                ? Cluster.nodeUrl(i) + url.substring(Cluster.BALANCER.length())
                : url;
    }

    private void follow(HttpResponse<String> response) {
        location = null;
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() / 100 != 3) {
                page = response.body();
                return;
            }
            String next = response.headers().firstValue("Location").orElseThrow();
            location = next;
            if (next.contains("code=") && next.contains("openid-configuration")) {
                page = "";
                return; // back at the client with an authorization code
            }
            response = send(HttpRequest.newBuilder(URI.create(routed(next)))
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build());
        }
        throw new AssertionError("redirect loop");
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (k, v) -> true);
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            withCookies.header("Cookie", header.toString());
        }
        if (forwardedFor != null) {
            withCookies.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True once the login ended with a redirect carrying an authorization code. */
    boolean loggedIn() {
        return location != null && location.contains("code=");
    }

    /** The authorization code of a finished login. */
    String code() {
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location == null ? "" : location);
        if (!m.find()) {
            throw new AssertionError("no authorization code; page:\n" + page);
        }
        return m.group(1);
    }

    String page() {
        return page;
    }

    boolean pageContains(String text) {
        return page.contains(text);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
