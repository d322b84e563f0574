package io.github.b2bpack.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One key that signs deliveries, in clear (only in memory, only while signing). Each scheme is a variant
 * that owns its algorithm: {@link HmacSigningKey} ({@code v1}) and {@link Ed25519SigningKey} ({@code v1a});
 * this class only builds what Standard Webhooks signs ({@code id.timestamp.body}) and formats the result.
 */
public abstract sealed class SigningKey permits HmacSigningKey, Ed25519SigningKey {

    public static final String V1 = "v1";
    public static final String V1A = "v1a";

    private final String scheme;

    SigningKey(String scheme) {
        this.scheme = scheme;
    }

    /** The key of a stored secret: {@code whsk_…} is Ed25519, anything else a v1 HMAC secret. */
    public static SigningKey of(String secret) {
        if (secret.startsWith(Ed25519SigningKey.PRIVATE_PREFIX)) {
            return new Ed25519SigningKey(
                    Base64.getDecoder().decode(secret.substring(Ed25519SigningKey.PRIVATE_PREFIX.length())));
        }
        return new HmacSigningKey(SigningSecret.keyBytes(secret));
    }

    public final String scheme() {
        return scheme;
    }

    /** {@code scheme,} + base64 signature over {@code id.timestamp.body}. */
    public final String sign(String messageId, long timestampSeconds, byte[] body) {
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return scheme + "," + Base64.getEncoder().encodeToString(sign(prefix, body));
    }

    /** The raw signature of {@code prefix} followed by {@code body}. */
    abstract byte[] sign(byte[] prefix, byte[] body);

    @Override
    public final String toString() {
        return "SigningKey[" + scheme + ", ****]";
    }
}
