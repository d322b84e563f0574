package io.github.b2bpack.webhook.delivery;

import com.standardwebhooks.Webhook;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender against the loopback receiver fake (ephemeral port). */
class WebhookSenderTest {

    private WebhookReceiver receiver;
    private WebhookSender sender;
    private final String secret = SigningSecret.generate();
    private final byte[] body = "{\"type\":\"user.login.success\",\"data\":{\"x\":\"é\"}}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver(0);
        sender = new WebhookSender(AddressPolicy.parse("127.0.0.0/8"), Duration.ofSeconds(2), Duration.ofMillis(800), 4);
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    private DeliveryResult send() {
        return sender.send(URI.create(receiver.baseUrl() + "/hook"), "msg_abc", body, List.of(SigningKey.of(secret)),
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
        assertDoesNotThrow(() -> new Webhook(secret).verify(request.bodyText(), WebhookReceiver.lowerCaseHeaders(request)));
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
    void loopbackIsRefusedWithoutTheAllowListEvenWhenTheUrlLooksFine() {
        try (WebhookSender strict = new WebhookSender(AddressPolicy.parse(""), Duration.ofSeconds(1), Duration.ofSeconds(1), 1)) {
            DeliveryResult result = strict.send(URI.create("http://localhost:" + receiver.port() + "/hook"), "msg_x", body,
                    List.of(SigningKey.of(secret)), System.currentTimeMillis() / 1000);
            assertEquals("ssrf_refused", result.error());
            assertTrue(receiver.requests().isEmpty());
        }
    }
}
