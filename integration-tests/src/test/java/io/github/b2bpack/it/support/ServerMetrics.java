package io.github.b2bpack.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The server's meters, read as Prometheus text from the management interface's {@code /metrics}. */
public final class ServerMetrics {

    private ServerMetrics() {}

    /** The whole {@code /metrics} text; fails unless it answers 200. */
    public static String text() {
        OidcClient.Response metrics =
                OidcClient.send(HttpRequest.newBuilder(URI.create(TestServer.MANAGEMENT_URL + "/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build());
        assertEquals(200, metrics.status());
        return metrics.body();
    }

    /** A meter summed over its tag sets (its lines {@code meter value} and {@code meter{tags} value}); 0 without any. */
    public static double sum(String text, String meter) {
        return text.lines()
                .filter(line -> line.startsWith(meter + " ") || line.startsWith(meter + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
