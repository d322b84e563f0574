package io.github.b2bpack.it.magiclink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like session over plain HTTP with its own cookie jar (another browser than Chromium, or many at
 * once for parallel posts). Follows redirects itself and remembers the last page, its status and its first form's
 * action (the magic-link pages' forms all post to the same URL). Adapted from the SMS tests' session.
 */
final class MagicHttpSession {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /**
     * Cookies by name. Kept by hand: Keycloak marks its cookies {@code Secure}, which browsers still send to
     * http://localhost but the JDK's CookieManager does not. All requests stay under one realm's path.
     */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    private String page = "";
    private String location;
    private int status;

    /** Posts a form to the current page's form action and follows the redirects. */
    MagicHttpSession post(Map<String, String> form) {
        Matcher m = ACTION.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no form on the page:\n" + page);
        }
        String action = m.group(1).replace("&amp;", "&");
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(action))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        follow(send(request));
        return this;
    }

    MagicHttpSession get(String url) {
        follow(send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build()));
        return this;
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
                return; // back at the client with an authorization code: done
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
                boolean expired = value.isEmpty()
                        || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (expired) {
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

    /** True once the login ended with a redirect carrying an authorization code. */
    boolean loggedIn() {
        return location != null && location.contains("code=");
    }

    int status() {
        return status;
    }

    /** The redirect that ended the login (the client's redirect URI with code=), or null. */
    String location() {
        return location;
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
