package io.github.b2bpack.webhook.delivery;

import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.EofSensorInputStream;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Sends one signed attempt. A dedicated pooled Apache HttpClient (the one Keycloak ships) rather than
 * the shared {@code HttpClientProvider} client, because delivery needs what that client cannot give:
 * the SSRF guard on the resolved address at connect time ({@link GuardedDnsResolver}), no redirects
 * (a 3xx is a failure, never followed to an unchecked host), no automatic retries (the outbox retries)
 * and a hard total timeout per attempt (the request is aborted when it runs out).
 */
public final class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "b2bpack-webhooks/1";
    private static final String JSON = "application/json";
    private static final int MAX_ERROR_LENGTH = 200;
    /**
     * Response bytes read to keep the connection reusable; nothing of the body is used. A receiver that sends
     * more (or streams without end) gets its connection closed instead of holding a sender thread until the
     * total timeout.
     */
    static final int MAX_RESPONSE_BYTES = 16 * 1024;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    private final Duration totalTimeout;

    public WebhookSender(AddressPolicy policy, Duration connectTimeout, Duration totalTimeout, int maxConnections) {
        this(new SsrfGuard(policy, HostResolver.SYSTEM), connectTimeout, totalTimeout, maxConnections);
    }

    /** @param guard the SSRF guard, whose resolver answers every connect (tests inject DNS answers through it) */
    WebhookSender(SsrfGuard guard, Duration connectTimeout, Duration totalTimeout, int maxConnections) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSocketFactory())
                        .build(),
                null,
                null,
                new GuardedDnsResolver(guard),
                60,
                TimeUnit.SECONDS);
        pool.setMaxTotal(Math.max(maxConnections * 2, 16));
        pool.setDefaultMaxPerRoute(maxConnections);
        pool.setValidateAfterInactivity(2000);
        int connect = (int) connectTimeout.toMillis();
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(connect)
                .setConnectionRequestTimeout(connect)
                .setSocketTimeout((int) totalTimeout.toMillis())
                .setRedirectsEnabled(false)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "b2bpack-wh-abort");
            t.setDaemon(true);
            return t;
        });
        this.totalTimeout = totalTimeout;
    }

    /**
     * POSTs {@code body} to {@code url} with Standard Webhooks headers signed by every key in {@code keys}.
     * Never throws for a network problem: that is a result like any other.
     */
    public DeliveryResult send(URI url, String messageId, byte[] body, List<SigningKey> keys, long timestampSeconds) {
        return send(url, messageId, body, JSON, keys, timestampSeconds, totalTimeout);
    }

    /**
     * As {@link #send(URI, String, byte[], List, long)} with the body's {@code contentType} ({@code application/json},
     * {@code application/cloudevents+json}), aborted after {@code timeout} (at most the request timeout).
     */
    public DeliveryResult send(
            URI url,
            String messageId,
            byte[] body,
            String contentType,
            List<SigningKey> keys,
            long timestampSeconds,
            Duration timeout) {
        long start = System.nanoTime();
        HttpPost post = new HttpPost(url);
        post.setHeader(WebhookSigner.HEADER_ID, messageId);
        post.setHeader(WebhookSigner.HEADER_TIMESTAMP, Long.toString(timestampSeconds));
        post.setHeader(
                WebhookSigner.HEADER_SIGNATURE, WebhookSigner.signatureHeader(keys, messageId, timestampSeconds, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
        ScheduledFuture<?> abort = watchdog.schedule(
                post::abort, Math.min(timeout.toMillis(), totalTimeout.toMillis()), TimeUnit.MILLISECONDS);
        try {
            try (CloseableHttpResponse response = client.execute(post)) {
                int status = response.getStatusLine().getStatusCode();
                DeliveryResult result = new DeliveryResult(status, retryAfter(response), null, elapsed(start));
                try {
                    drainBounded(response.getEntity());
                } catch (IOException ignored) {
                    // the status is the result; a body that breaks off only costs the connection
                }
                return result;
            }
        } catch (UnknownHostException e) {
            String message = SsrfGuard.REFUSED.equals(e.getMessage()) ? "ssrf_refused" : "unknown_host";
            return DeliveryResult.failed(message, elapsed(start));
        } catch (ConnectTimeoutException e) {
            return DeliveryResult.failed("connect_timeout", elapsed(start));
        } catch (SocketTimeoutException e) {
            return DeliveryResult.failed("timeout", elapsed(start));
        } catch (IOException | RuntimeException e) {
            String error =
                    post.isAborted() ? "timeout" : "io_error: " + e.getClass().getSimpleName();
            return DeliveryResult.failed(truncate(error), elapsed(start));
        } finally {
            abort.cancel(false);
            post.releaseConnection();
        }
    }

    /**
     * Reads at most {@link #MAX_RESPONSE_BYTES} of the (unused) body so a small answer leaves the connection
     * reusable; past that the response is closed unread, which closes its connection (never read whole).
     */
    static void drainBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return;
        }
        long length = entity.getContentLength();
        if (length > MAX_RESPONSE_BYTES) {
            return; // announced too big: closing the response drops the connection
        }
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[4096];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > MAX_RESPONSE_BYTES) {
                    // Closing a chunked or close-delimited stream early would read it to the end: abort instead.
                    if (in instanceof EofSensorInputStream eof) {
                        eof.abortConnection();
                    }
                    return;
                }
            }
        }
    }

    /** Seconds form only; the HTTP-date form is rare for webhooks and falls back to the schedule. */
    static Duration retryAfter(HttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.getValue().trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing on shutdown: nothing left to do
        }
    }
}
