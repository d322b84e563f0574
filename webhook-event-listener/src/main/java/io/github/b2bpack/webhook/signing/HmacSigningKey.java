package io.github.b2bpack.webhook.signing;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code v1}: HMAC-SHA256 with the raw bytes of a {@code whsec_} secret ({@link SigningSecret}). */
final class HmacSigningKey extends SigningKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    HmacSigningKey(byte[] key) {
        super(V1);
        this.key = key.clone();
    }

    @Override
    byte[] sign(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
