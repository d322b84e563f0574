package io.github.b2bpack.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Standard Webhooks receiver on loopback: records every delivery (headers and exact body bytes)
 * and answers as told, switchable at any time: {@link #answerOk()}, {@link #answerStatus(int)} (e.g.
 * 500, 410), {@link #answerTooManyRequests(int)} (429 with {@code Retry-After}), {@link #goDown()}
 * (connection dropped without an answer), {@link #answerSlowly(Duration)} and {@link #failRatio(double, long)}
 * (500 for a seeded random share of requests); {@link #answerStatusAt(String, int)} gives one path a status of its
 * own, so one receiver can play a failing endpoint and a healthy one at once.
 */
public final class WebhookReceiver extends LoopbackHttpServer {

    private volatile Behaviour behaviour = new Behaviour(Mode.OK, 204, null, Duration.ZERO, 0, null);

    public WebhookReceiver(int port) {
        super(port);
    }

    public static WebhookReceiver onFixedPort() {
        return new WebhookReceiver(FakePorts.WEBHOOK_RECEIVER);
    }

    /** Answers 204 everywhere, and forgets every {@link #answerStatusAt path's own status}. */
    public void answerOk() {
        statusAt.clear();
        behaviour = new Behaviour(Mode.OK, 204, null, Duration.ZERO, 0, null);
    }

    /** Requests to exactly {@code path} are answered {@code status}, whatever the others get, until {@link #answerOk()}. */
    public void answerStatusAt(String path, int status) {
        statusAt.put(path, status);
    }

    private final Map<String, Integer> statusAt = new ConcurrentHashMap<>();

    public void answerStatus(int status) {
        behaviour = new Behaviour(Mode.OK, status, null, Duration.ZERO, 0, null);
    }

    public void answerTooManyRequests(int retryAfterSeconds) {
        behaviour = new Behaviour(Mode.OK, 429, Integer.toString(retryAfterSeconds), Duration.ZERO, 0, null);
    }

    /** Every request's connection is closed without a status line: the sender sees a network error. */
    public void goDown() {
        behaviour = new Behaviour(Mode.DOWN, 0, null, Duration.ZERO, 0, null);
    }

    public void answerSlowly(Duration delay) {
        behaviour = new Behaviour(Mode.OK, 204, null, delay, 0, null);
    }

    /** Answers 500 to a random {@code ratio} of requests (seeded, so runs are repeatable), 204 to the rest. */
    public void failRatio(double ratio, long seed) {
        behaviour = new Behaviour(Mode.OK, 204, null, Duration.ZERO, ratio, new Random(seed));
    }

    /** Requests that carried a {@code webhook-id}, in arrival order. */
    public List<RecordedRequest> deliveries() {
        return requests(r -> r.header("webhook-id") != null);
    }

    /**
     * Deliveries posted to {@code path}. A test that gives its webhook a path of its own sees only its own
     * deliveries, not a previous test's attempt that was still in flight when the receiver was cleared.
     */
    public List<RecordedRequest> deliveriesTo(String path) {
        return requests(r -> r.header("webhook-id") != null && path.equals(r.path()));
    }

    /** Distinct {@code webhook-id}s that were answered 2xx at least once. */
    public Set<String> acceptedIds() {
        Set<String> ids = new LinkedHashSet<>();
        synchronized (accepted) {
            accepted.forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    /** Distinct {@code webhook-id}s posted to {@code path} and answered 2xx at least once. */
    public Set<String> acceptedIdsAt(String path) {
        Set<String> ids = new LinkedHashSet<>();
        synchronized (accepted) {
            accepted.stream().filter(a -> a.path().equals(path)).forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    private final List<Accepted> accepted = new ArrayList<>();

    /**
     * Headers of a recorded request in the lower-case form the Standard Webhooks libraries look up
     * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
     */
    public static Map<String, List<String>> lowerCaseHeaders(RecordedRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return headers;
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        Behaviour b = behaviour;
        if (b.mode == Mode.DOWN) {
            // Close without a status line: to the client, the receiver is not there.
            exchange.getRequestBody().close();
            exchange.getResponseBody().close();
            return;
        }
        if (!b.delay.isZero()) {
            try {
                Thread.sleep(b.delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int status = b.status;
        if (b.random != null) {
            synchronized (b.random) {
                status = b.random.nextDouble() < b.failRatio ? 500 : b.status;
            }
        }
        if (b.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", b.retryAfter);
        }
        Integer own = statusAt.get(request.path());
        if (own != null) {
            status = own;
        }
        String id = request.header("webhook-id");
        if (status >= 200 && status < 300 && id != null) {
            synchronized (accepted) {
                accepted.add(new Accepted(request.path(), id));
            }
        }
        respond(exchange, status, null, new byte[0]);
    }

    @Override
    public void clear() {
        super.clear();
        synchronized (accepted) {
            accepted.clear();
        }
    }

    private enum Mode {
        OK,
        DOWN
    }

    private record Accepted(String path, String id) {}

    private record Behaviour(
            Mode mode, int status, String retryAfter, Duration delay, double failRatio, Random random) {}
}
