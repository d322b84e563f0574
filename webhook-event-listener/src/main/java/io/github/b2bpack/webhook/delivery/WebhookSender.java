package io.github.b2bpack.webhook.delivery;

import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.WebhookSigner;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed attempt. A dedicated pooled Apache HttpClient (the one Keycloak ships) rather than
 * the shared {@code HttpClientProvider} client, because delivery needs what that client cannot give:
 * the SSRF guard on the resolved address at connect time ({@link GuardedDnsResolver}), no redirects
 * (a 3xx is a failure, never followed to an unchecked host), no automatic retries (the outbox retries)
 * and a hard total timeout per attempt (the request is aborted when it runs out).
 */
public final class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "b2bpack-webhooks/1";
    private static final int MAX_ERROR_LENGTH = 200;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    private final Duration totalTimeout;

    public WebhookSender(AddressPolicy policy, Duration connectTimeout, Duration totalTimeout, int maxConnections) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSocketFactory())
                        .build(),
                null, null, new GuardedDnsResolver(policy), 60, TimeUnit.SECONDS);
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
        long start = System.nanoTime();
        HttpPost post = new HttpPost(url);
        post.setHeader(WebhookSigner.HEADER_ID, messageId);
        post.setHeader(WebhookSigner.HEADER_TIMESTAMP, Long.toString(timestampSeconds));
        post.setHeader(WebhookSigner.HEADER_SIGNATURE, WebhookSigner.signatureHeader(keys, messageId, timestampSeconds, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> abort = watchdog.schedule(post::abort, totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            HttpResponse response = client.execute(post);
            try {
                int status = response.getStatusLine().getStatusCode();
                return new DeliveryResult(status, retryAfter(response), null, elapsed(start));
            } finally {
                EntityUtils.consumeQuietly(response.getEntity());
            }
        } catch (UnknownHostException e) {
            String message = GuardedDnsResolver.REFUSED.equals(e.getMessage()) ? "ssrf_refused" : "unknown_host";
            return DeliveryResult.failed(message, elapsed(start));
        } catch (ConnectTimeoutException e) {
            return DeliveryResult.failed("connect_timeout", elapsed(start));
        } catch (SocketTimeoutException e) {
            return DeliveryResult.failed("timeout", elapsed(start));
        } catch (IOException | RuntimeException e) {
            String error = post.isAborted() ? "timeout" : "io_error: " + e.getClass().getSimpleName();
            return DeliveryResult.failed(truncate(error), elapsed(start));
        } finally {
            abort.cancel(false);
            post.releaseConnection();
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
