package io.github.b2bpack.webhook.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Standard Webhooks v1 symmetric signatures (v1a Ed25519 ones are made by {@link SigningKey}): {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
 * computed over the exact body bytes that are sent. Several keys (during a rotation) give several
 * space-separated signatures in one {@code webhook-signature} header; receivers accept any.
 */
public final class WebhookSigner {

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    private WebhookSigner() {
    }

    public static String sign(byte[] key, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The {@code webhook-signature} header value for every key in {@code keys}. */
    public static String signatureHeader(List<SigningKey> keys, String messageId, long timestampSeconds, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (SigningKey key : keys) {
            header.add(key.sign(messageId, timestampSeconds, body));
        }
        return header.toString();
    }
}
