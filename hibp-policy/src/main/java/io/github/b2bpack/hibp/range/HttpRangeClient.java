package io.github.b2bpack.hibp.range;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Range API over Keycloak's shared Apache HttpClient (so the server's proxy and truststore settings
 * apply). The time budget is enforced twice: connect/socket timeouts for the quiet cases, and an
 * {@link HttpGet#abort()} scheduled at the deadline for a server that trickles bytes or a client that
 * retries. The body is read into a capped buffer; one byte over the cap fails the call.
 */
public final class HttpRangeClient implements RangeClient {

    private final String baseUrl;
    private final Supplier<CloseableHttpClient> httpClient;
    private final ScheduledExecutorService deadlines;

    public HttpRangeClient(
            String baseUrl, Supplier<CloseableHttpClient> httpClient, ScheduledExecutorService deadlines) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.httpClient = httpClient;
        this.deadlines = deadlines;
    }

    @Override
    public RangeResult fetch(String prefix, Duration budget) throws RangeLookupException {
        if (!prefix.matches("[0-9A-F]{5}")) {
            throw new IllegalArgumentException("a range prefix is 5 upper-case hex characters");
        }
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.toMillis()));
        HttpGet get = new HttpGet(baseUrl + "/range/" + prefix);
        get.setHeader("Add-Padding", "true");
        get.setHeader("User-Agent", "b2bpack-hibp-policy");
        get.setConfig(RequestConfig.custom()
                .setConnectTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis)
                .setRedirectsEnabled(false)
                .build());
        ScheduledFuture<?> abort = deadlines.schedule(get::abort, millis, TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = httpClient.get().execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            if (status != 200) {
                throw new RangeLookupException("range API answered HTTP " + status);
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return RangeResponseParser.parse(new byte[0], 0);
            }
            if (entity.getContentLength() > RangeResponseParser.MAX_BODY_BYTES) {
                throw new RangeLookupException("response larger than " + RangeResponseParser.MAX_BODY_BYTES + " bytes");
            }
            byte[] buffer = new byte[RangeResponseParser.MAX_BODY_BYTES + 1];
            int length;
            try (InputStream in = entity.getContent()) {
                length = in.readNBytes(buffer, 0, buffer.length);
            }
            if (length > RangeResponseParser.MAX_BODY_BYTES) {
                get.abort(); // do not drain a huge body just to reuse the connection
                throw new RangeLookupException("response larger than " + RangeResponseParser.MAX_BODY_BYTES + " bytes");
            }
            return RangeResponseParser.parse(buffer, length);
        } catch (IOException e) {
            if (get.isAborted()) {
                throw new RangeLookupException("range API exceeded the " + millis + " ms budget");
            }
            throw new RangeLookupException("range API unreachable", e);
        } finally {
            abort.cancel(false);
        }
    }
}
