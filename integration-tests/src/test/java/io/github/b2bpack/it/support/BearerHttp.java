package io.github.b2bpack.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Plain HTTP calls to a JSON admin API under one base URL, with whatever bearer token (or none) a test hands it, so
 * the tests see status codes and bodies exactly as an operator's script does.
 */
public class BearerHttp {

    private final String base;
    private final Supplier<String> token;
    private final Duration timeout;
    private final String[] headers;

    /**
     * @param token null, or a supplier that may give null, for calls without an {@code Authorization} header
     * @param headers further headers of every request, as name, value, name, value…
     */
    public BearerHttp(String base, Supplier<String> token, Duration timeout, String... headers) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.headers = headers.clone();
    }

    public OidcClient.Response get(String path) {
        return OidcClient.send(request(path).GET().build());
    }

    /** A POST of {@code json}, or of no body at all when it is null. */
    public OidcClient.Response post(String path, String json) {
        return OidcClient.send(request(path)
                .header("Content-Type", "application/json")
                .POST(body(json))
                .build());
    }

    public OidcClient.Response put(String path, String json) {
        return OidcClient.send(request(path)
                .header("Content-Type", "application/json")
                .PUT(body(json))
                .build());
    }

    public OidcClient.Response delete(String path) {
        return OidcClient.send(request(path).DELETE().build());
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }
}
