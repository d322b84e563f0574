package io.github.b2bpack.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * One key that signs deliveries, in clear (only in memory, only while signing).
 * {@code v1}: HMAC-SHA256 with the raw bytes of a {@code whsec_} secret.
 * {@code v1a}: Ed25519 with the PKCS#8 private key of a {@code whsk_} secret; receivers verify with the
 * {@code whpk_} public key (the base64 of the raw 32-byte key).
 */
public record SigningKey(String scheme, byte[] key) {

    public static final String V1 = "v1";
    public static final String V1A = "v1a";
    public static final String PRIVATE_PREFIX = "whsk_";
    public static final String PUBLIC_PREFIX = "whpk_";
    /** The X.509 encoding of an Ed25519 public key is a fixed 12-byte header followed by the raw 32-byte key. */
    private static final int RAW_PUBLIC_BYTES = 32;

    /** The key of a stored secret: {@code whsk_…} is Ed25519, anything else a v1 HMAC secret. */
    public static SigningKey of(String secret) {
        if (secret.startsWith(PRIVATE_PREFIX)) {
            return new SigningKey(V1A, Base64.getDecoder().decode(secret.substring(PRIVATE_PREFIX.length())));
        }
        return new SigningKey(V1, SigningSecret.keyBytes(secret));
    }

    /** A new Ed25519 key pair: the {@code whsk_} private secret (to encrypt and store) and the {@code whpk_} public key. */
    public static Ed25519Pair generateEd25519() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - RAW_PUBLIC_BYTES, x509.length);
            return new Ed25519Pair(PRIVATE_PREFIX + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    PUBLIC_PREFIX + Base64.getEncoder().encodeToString(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** {@code scheme,} + base64 signature over {@code id.timestamp.body}. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        if (!V1A.equals(scheme)) {
            return WebhookSigner.sign(key, messageId, timestampSeconds, body);
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(key));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return V1A + "," + Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + scheme + ", ****]";
    }

    /** @param privateSecret never leaves the server in clear */
    public record Ed25519Pair(String privateSecret, String publicKey) {
        @Override
        public String toString() {
            return "Ed25519Pair[" + publicKey + "]";
        }
    }
}
