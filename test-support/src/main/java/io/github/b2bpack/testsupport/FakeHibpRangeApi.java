package io.github.b2bpack.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The HaveIBeenPwned range API ({@code GET /range/{5 hex}}) on loopback, in its real wire format:
 * 200 with {@code SUFFIX:COUNT} lines separated by CRLF, upper-case hex; with {@code Add-Padding: true}
 * it adds filler lines with count 0 up to {@link #PADDED_LINES}, as the real service does.
 * Every request is recorded. {@link #misbehave(Misbehaviour)} switches to a failure for outage tests,
 * and {@link #delay(long)} slows every answer so concurrent callers overlap.
 */
public final class FakeHibpRangeApi extends LoopbackHttpServer {

    /** Answers the fake can give instead of a normal one. */
    public enum Misbehaviour {
        NONE,
        /** HTTP 500 with a short text body. */
        SERVER_ERROR,
        /** Never answers, until the fake is closed or switched back (60 s at most). */
        HANG,
        /** HTTP 200 with a body that is not the range format. */
        GARBAGE,
        /** HTTP 200 with 10 MB of well-formed-looking lines. */
        HUGE_BODY
    }

    public static final int PADDED_LINES = 800;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the
        // client's delayed ACK add ~40 ms to every answer. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern RANGE_PATH = Pattern.compile("/range/[0-9A-Fa-f]{5}");

    private final Map<String, Map<String, Long>> byPrefix = new ConcurrentHashMap<>();
    private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
    private volatile long delayMillis;
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);

    public FakeHibpRangeApi(int port) {
        super(port);
    }

    /** Lists a password as breached {@code count} times (count 0 stores an explicit padding-like line). */
    public FakeHibpRangeApi addPassword(String password, long count) {
        return addHash(sha1Hex(password), count);
    }

    /** Lists a full 40-hex SHA-1 with a count. */
    public FakeHibpRangeApi addHash(String sha1Hex, long count) {
        String upper = sha1Hex.toUpperCase(java.util.Locale.ROOT);
        byPrefix.computeIfAbsent(upper.substring(0, 5), k -> new ConcurrentHashMap<>())
                .put(upper.substring(5), count);
        return this;
    }

    public void misbehave(Misbehaviour misbehaviour) {
        CountDownLatch previous = hangRelease;
        hangRelease = new CountDownLatch(1);
        this.misbehaviour = misbehaviour;
        previous.countDown();
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public void reset() {
        misbehave(Misbehaviour.NONE);
        delayMillis = 0;
        byPrefix.clear();
        clear();
    }

    @Override
    public void close() {
        hangRelease.countDown();
        super.close();
    }

    public static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (!"GET".equals(request.method())
                || !RANGE_PATH.matcher(request.path()).matches()) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        sleepQuietly(delayMillis);
        switch (misbehaviour) {
            case SERVER_ERROR -> respond(exchange, 500, "text/plain", "internal error");
            case HANG -> {
                try {
                    hangRelease.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 503, "text/plain", "released");
            }
            case GARBAGE ->
                respond(exchange, 200, "text/plain", "<html><body>Attention Required! | Cloudflare</body></html>\r\n");
            case HUGE_BODY -> hugeBody(exchange);
            case NONE -> respond(exchange, 200, "text/plain", rangeBody(request));
        }
    }

    private String rangeBody(RecordedRequest request) {
        String prefix = request.path().substring("/range/".length()).toUpperCase(java.util.Locale.ROOT);
        Map<String, Long> lines = new TreeMap<>(byPrefix.getOrDefault(prefix, Map.of()));
        if ("true".equalsIgnoreCase(request.header("Add-Padding"))) {
            Random random = new Random(prefix.hashCode());
            while (lines.size() < PADDED_LINES) {
                StringBuilder suffix = new StringBuilder(35);
                for (int i = 0; i < 35; i++) {
                    suffix.append("0123456789ABCDEF".charAt(random.nextInt(16)));
                }
                lines.putIfAbsent(suffix.toString(), 0L);
            }
        }
        StringBuilder body = new StringBuilder(lines.size() * 42);
        lines.forEach(
                (suffix, count) -> body.append(suffix).append(':').append(count).append("\r\n"));
        return body.toString();
    }

    private static void hugeBody(HttpExchange exchange) throws IOException {
        byte[] line = "0123456789ABCDEF0123456789ABCDEF012:1\r\n".getBytes(StandardCharsets.US_ASCII);
        int total = 10 * 1024 * 1024;
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0); // chunked: the client cannot refuse by Content-Length
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < total; sent += line.length) {
                out.write(line);
            }
        } catch (IOException clientGaveUp) {
            // expected: a well-behaved client stops reading at its size cap
        }
    }

    private static void sleepQuietly(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
