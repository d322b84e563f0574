package io.github.b2bpack.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against the loopback receiver fake (ephemeral port). */
class WebhookSenderTest {

    private WebhookReceiver receiver;
    private WebhookSender sender;
    private final String secret = SigningSecret.generate();
    private final byte[] body =
            "{\"type\":\"user.login.success\",\"data\":{\"x\":\"é\"}}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver(0);
        sender =
                new WebhookSender(AddressPolicy.parse("127.0.0.0/8"), Duration.ofSeconds(2), Duration.ofMillis(800), 4);
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    private DeliveryResult send() {
        return sender.send(
                URI.create(receiver.baseUrl() + "/hook"),
                "msg_abc",
                body,
                List.of(SigningKey.of(secret)),
                System.currentTimeMillis() / 1000);
    }

    @Test
    void sendsTheExactBytesSignedSoTheOfficialLibraryVerifies() {
        DeliveryResult result = send();
        assertEquals(204, result.status());
        RecordedRequest request = receiver.deliveries().get(0);
        assertArrayEquals(body, request.body());
        assertEquals("msg_abc", request.header("webhook-id"));
        assertTrue(request.header("content-type").startsWith("application/json"));
        assertDoesNotThrow(
                () -> new Webhook(secret).verify(request.bodyText(), WebhookReceiver.lowerCaseHeaders(request)));
    }

    @Test
    void statusAndRetryAfterComeBack() {
        receiver.answerTooManyRequests(42);
        DeliveryResult result = send();
        assertEquals(429, result.status());
        assertEquals(Duration.ofSeconds(42), result.retryAfter());
        receiver.answerStatus(302);
        assertEquals(302, send().status());
    }

    @Test
    void aReceiverThatDropsTheConnectionIsANetworkError() {
        receiver.goDown();
        DeliveryResult result = send();
        assertEquals(0, result.status());
        assertTrue(result.error() != null && !result.error().isEmpty());
    }

    @Test
    void aSlowReceiverIsCutAtTheTotalTimeout() {
        receiver.answerSlowly(Duration.ofSeconds(3));
        DeliveryResult result = send();
        assertEquals(0, result.status());
        assertEquals("timeout", result.error());
    }

    @Test
    void anAttemptIsCutAtTheShorterTimeoutItIsGiven() {
        // What is left of a claim (AttemptWindow) can be shorter than the request timeout (800 ms here).
        receiver.answerSlowly(Duration.ofSeconds(3));
        DeliveryResult result = sender.send(
                URI.create(receiver.baseUrl() + "/hook"),
                "msg_short",
                body,
                "application/json",
                List.of(SigningKey.of(secret)),
                System.currentTimeMillis() / 1000,
                Duration.ofMillis(200));
        assertEquals("timeout", result.error());
        assertTrue(
                result.durationMillis() < 800,
                "cut at 200 ms, not at the 800 ms request timeout: " + result.durationMillis());
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowListEvenWhenTheUrlLooksFine() {
        try (WebhookSender strict =
                new WebhookSender(AddressPolicy.parse(""), Duration.ofSeconds(1), Duration.ofSeconds(1), 1)) {
            DeliveryResult result = strict.send(
                    URI.create("http://localhost:" + receiver.port() + "/hook"),
                    "msg_x",
                    body,
                    List.of(SigningKey.of(secret)),
                    System.currentTimeMillis() / 1000);
            assertEquals("ssrf_refused", result.error());
            assertTrue(receiver.requests().isEmpty());
        }
    }

    /**
     * Connect time through the sender's own resolver: the name answers {@code ::ffff:127.0.0.1} as an Inet6Address
     * (what DNS gives for a mapped AAAA record), and the receiver really listens on loopback.
     */
    @Test
    void aNameResolvingToAMappedLoopbackAddressIsRefusedAtConnect() {
        HostResolver mapped = host -> new java.net.InetAddress[] {Ipv6.of("::ffff:7f00:1")};
        URI url = URI.create("http://mapped.example:" + receiver.port() + "/hook");
        try (WebhookSender strict = new WebhookSender(
                new SsrfGuard(AddressPolicy.parse(""), mapped), Duration.ofSeconds(1), Duration.ofSeconds(2), 1)) {
            DeliveryResult result =
                    strict.send(url, "msg_m", body, List.of(SigningKey.of(secret)), System.currentTimeMillis() / 1000);
            System.out.println("[WebhookSenderTest] mapped loopback at connect: " + result + ", receiver got "
                    + receiver.requests().size());
            assertEquals("ssrf_refused", result.error());
            assertTrue(receiver.requests().isEmpty());
        }
        // Control: the same answer does reach the receiver when loopback is allowed, so the refusal above is the
        // guard's.
        try (WebhookSender allowed = new WebhookSender(
                new SsrfGuard(AddressPolicy.parse("127.0.0.0/8"), mapped),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                1)) {
            assertEquals(
                    204,
                    allowed.send(url, "msg_m2", body, List.of(SigningKey.of(secret)), System.currentTimeMillis() / 1000)
                            .status());
            assertEquals(1, receiver.requests().size());
        }
    }

    /** A receiver that answers 200 and then streams its body without end: the sender reads a bounded prefix. */
    @Test
    void anEndlessResponseBodyIsNotReadWhole() throws Exception {
        com.sun.net.httpserver.HttpServer endless =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        endless.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                long until = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < until) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (java.io.IOException closedByTheSender) {
                // expected: the sender stops reading and closes
            }
        });
        endless.start();
        try (WebhookSender bounded = new WebhookSender(
                AddressPolicy.parse("127.0.0.0/8"), Duration.ofSeconds(1), Duration.ofSeconds(4), 1)) {
            long start = System.nanoTime();
            DeliveryResult result = bounded.send(
                    URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/hook"),
                    "msg_e",
                    body,
                    List.of(SigningKey.of(secret)),
                    System.currentTimeMillis() / 1000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[WebhookSenderTest] endless body: " + result + " in " + millis + " ms, server wrote "
                    + written.get() + " bytes");
            assertEquals(200, result.status());
            assertTrue(millis < 2_000, "the sender was held " + millis + " ms by the body");
        } finally {
            endless.stop(0);
        }
    }
}
