package io.github.b2bpack.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A JDK {@link HttpServer} bound to 127.0.0.1 that records every request it receives.
 * The fakes of outside services extend it; it never listens on anything but loopback.
 *
 * <p>Ports: pass 0 for an ephemeral port in unit tests; integration tests use the fixed ports in
 * {@link FakePorts} because the Keycloak server is configured with their URLs before it starts.
 */
public abstract class LoopbackHttpServer implements AutoCloseable {

    /** Bodies above this are cut: a fake must never be a memory sink for a misbehaving client. */
    private static final int MAX_RECORDED_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    protected LoopbackHttpServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName() + "-" + port);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readCapped(exchange.getRequestBody());
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    copyHeaders(exchange),
                    body,
                    System.currentTimeMillis());
            requests.add(request);
            if (!keepAlive()) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            handle(request, exchange);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /**
     * Whether clients may keep the connection for their next request. A fake that tests stop and start on the same
     * port between classes should say no: the server's HTTP client would otherwise reuse a pooled connection to the
     * stopped instance and fail with "no response" (a POST is not retried).
     */
    protected boolean keepAlive() {
        return true;
    }

    /** Answers one request; {@link #respond} is the usual way out. */
    protected abstract void handle(RecordedRequest request, HttpExchange exchange) throws IOException;

    protected static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    protected static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : requests) {
            if (filter.test(r)) {
                matching.add(r);
            }
        }
        return matching;
    }

    public void clear() {
        requests.clear();
    }

    /** Polls until {@code count} matching requests arrived or the deadline passes; returns what arrived. */
    public List<RecordedRequest> awaitRequests(Predicate<RecordedRequest> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<RecordedRequest> matching = requests(filter);
        while (matching.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            matching = requests(filter);
        }
        return matching;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Map<String, List<String>> copyHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        return headers;
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] all = in.readNBytes(MAX_RECORDED_BODY);
        in.transferTo(OutputStreamSink.INSTANCE);
        return all;
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
