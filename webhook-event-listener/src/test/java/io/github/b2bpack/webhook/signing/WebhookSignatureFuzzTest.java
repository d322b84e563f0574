package io.github.b2bpack.webhook.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Standard Webhooks headers as the pack builds them, checked by the specification's own library (the
 * receiver's parser). Input: the first byte picks the key length (24-64 bytes, as the spec asks), the
 * next bytes are the key, the rest the body. Contracts: the {@code webhook-signature} header of a
 * rotation (two keys) verifies under each key for any body, a changed body verifies under neither,
 * and the header has one {@code v1,<base64>} entry per key. Seeds: {@code WebhookSignatureFuzzTestInputs/delivery}.
 */
class WebhookSignatureFuzzTest {

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void delivery(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int keyLength = 24 + (input[0] & 0xff) % 41;
        if (input.length < 1 + keyLength) {
            return;
        }
        byte[] key = Arrays.copyOfRange(input, 1, 1 + keyLength);
        String body = new String(input, 1 + keyLength, input.length - 1 - keyLength, StandardCharsets.UTF_8);
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String current = SigningSecret.PREFIX + Base64.getEncoder().encodeToString(key);
        String previous = SigningSecret.generate();
        String id = "msg_" + Integer.toHexString(Arrays.hashCode(input));
        long now = System.currentTimeMillis() / 1000;

        String header = WebhookSigner.signatureHeader(
                List.of(SigningKey.of(current), SigningKey.of(previous)), id, now, bodyBytes);
        String[] entries = header.split(" ");
        assertTrue(
                entries.length == 2
                        && entries[0].matches("v1,[A-Za-z0-9+/]{43}=")
                        && entries[1].matches("v1,[A-Za-z0-9+/]{43}="),
                "header " + header);
        Map<String, List<String>> headers = Map.of(
                WebhookSigner.HEADER_ID,
                List.of(id),
                WebhookSigner.HEADER_TIMESTAMP,
                List.of(Long.toString(now)),
                WebhookSigner.HEADER_SIGNATURE,
                List.of(header));
        assertDoesNotThrow(() -> new Webhook(current).verify(body, headers));
        assertDoesNotThrow(() -> new Webhook(previous).verify(body, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(current).verify(body + " ", headers));
    }
}
