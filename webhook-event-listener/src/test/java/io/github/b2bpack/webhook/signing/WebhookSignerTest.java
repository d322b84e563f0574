package io.github.b2bpack.webhook.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The Standard Webhooks specification's published test vector. */
    @Test
    void specificationTestVector() {
        SigningKey key = SigningKey.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals(SigningKey.V1, key.scheme());
        String signature = key.sign(
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void theOfficialLibraryVerifiesWhatWeSignIncludingDuringRotation() {
        String current = SigningSecret.generate();
        String previous = SigningSecret.generate();
        byte[] body = "{\"type\":\"user.login.success\",\"data\":{\"realm\":\"acme\",\"name\":\"Zoë\"}}"
                .getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        String header = WebhookSigner.signatureHeader(
                List.of(SigningKey.of(current), SigningKey.of(previous)), "msg_1", now, body);
        assertEquals(2, header.split(" ").length);
        Map<String, List<String>> headers = Map.of(
                "webhook-id",
                List.of("msg_1"),
                "webhook-timestamp",
                List.of(Long.toString(now)),
                "webhook-signature",
                List.of(header));
        String payload = new String(body, StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> new Webhook(current).verify(payload, headers));
        assertDoesNotThrow(() -> new Webhook(previous).verify(payload, headers));
    }

    @Test
    void generatedSecretsHaveThePrefixAndThirtyTwoBytesAndDiffer() {
        String a = SigningSecret.generate();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, SigningSecret.keyBytes(a).length);
        assertNotEquals(a, SigningSecret.generate());
        String masked = SigningSecret.mask(a);
        assertTrue(masked.startsWith("whsec_****") && masked.length() < 16, masked);
    }
}
