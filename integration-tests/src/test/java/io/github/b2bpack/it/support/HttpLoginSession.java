package io.github.b2bpack.it.support;

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
 * One browser-like login over plain HTTP with its own cookie jar: opens a realm's authorization URL, posts the forms
 * Keycloak's pages show, follows redirects until the client's redirect URI gets a code (or a page stays). What the
 * person sees is the page's HTML; what the client gets is {@link #loggedIn()}. Another browser than Chromium, or many
 * at once: the SMS and magic-link tests fire the form posts of many sessions at the same instant.
 */
public final class HttpLoginSession {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Kept by hand: Keycloak's cookies are {@code Secure}, which the JDK's CookieManager handles differently. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    private String page = "";
    private String location;
    private int status;

    /** Opens {@code clientId}'s login page in {@code realm}, redirecting to {@link Fixtures#redirectUri}. */
    public HttpLoginSession open(String realm, String clientId) {
        return get(new OidcClient(Fixtures.realmUrl(realm)).authorizationUrl(clientId, Fixtures.redirectUri(realm)));
    }

    /** Opens the login page and posts the username and password (the form must be there). */
    public HttpLoginSession login(String realm, String clientId, String username, String password) {
        open(realm, clientId);
        return post(Map.of("username", username, "password", password));
    }

    /** Opens {@code authorizationUrl} and posts the username and password (the form must be there). */
    public HttpLoginSession loginAt(String authorizationUrl, String username, String password) {
        get(authorizationUrl);
        return post(Map.of("username", username, "password", password));
    }

    /** True when the current page has a form field named {@code name}. */
    public boolean hasField(String name) {
        return page.contains("name=\"" + name + "\"");
    }

    /** Posts a form to the current page's form action and follows the redirects. */
    public HttpLoginSession post(Map<String, String> form) {
        Matcher m = ACTION.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no form on the page:\n" + page);
        }
        String action = m.group(1).replace("&amp;", "&");
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        follow(send(HttpRequest.newBuilder(URI.create(action))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
        return this;
    }

    public HttpLoginSession get(String url) {
        follow(send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build()));
        return this;
    }

    /** True once the login ended with a redirect carrying an authorization code. */
    public boolean loggedIn() {
        return location != null && location.contains("code=");
    }

    public String page() {
        return page;
    }

    public boolean pageContains(String text) {
        return page.contains(text);
    }

    /** The status of the last answer that was not a redirect (0 when the login ended at the client). */
    public int status() {
        return status;
    }

    /** The redirect that ended the login (the client's redirect URI with code=), or null. */
    public String location() {
        return location;
    }

    private void follow(HttpResponse<String> response) {
        location = null;
        for (int hops = 0; hops < 10; hops++) {
            status = response.statusCode();
            if (status / 100 != 3) {
                page = response.body();
                return;
            }
            String next = response.headers().firstValue("Location").orElseThrow();
            location = next;
            if (next.contains("code=") && next.contains("openid-configuration")) {
                page = "";
                return; // back at the client with an authorization code
            }
            response = send(HttpRequest.newBuilder(URI.create(next))
                    .timeout(Duration.ofSeconds(30))
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
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
