package io.github.b2bpack.webhook.signing;

import java.util.List;
import java.util.StringJoiner;

/**
 * The Standard Webhooks headers of one attempt. Each {@link SigningKey} signs the exact body bytes that are
 * sent; several keys (during a rotation, or a switch from v1 to v1a) give several space-separated signatures
 * in one {@code webhook-signature} header, and receivers accept any.
 */
public final class WebhookSigner {

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    private WebhookSigner() {}

    /** The {@code webhook-signature} header value for every key in {@code keys}. */
    public static String signatureHeader(List<SigningKey> keys, String messageId, long timestampSeconds, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (SigningKey key : keys) {
            header.add(key.sign(messageId, timestampSeconds, body));
        }
        return header.toString();
    }
}
