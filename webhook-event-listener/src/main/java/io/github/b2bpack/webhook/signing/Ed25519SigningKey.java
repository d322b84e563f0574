package io.github.b2bpack.webhook.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code v1a}: Ed25519 with the PKCS#8 private key of a {@code whsk_} secret; receivers verify with the
 * {@code whpk_} public key (the base64 of the raw 32-byte key).
 */
public final class Ed25519SigningKey extends SigningKey {

    static final String PRIVATE_PREFIX = "whsk_";
    public static final String PUBLIC_PREFIX = "whpk_";
    /** The X.509 encoding of an Ed25519 public key is a fixed 12-byte header followed by the raw 32-byte key. */
    private static final int RAW_PUBLIC_BYTES = 32;

    private final byte[] pkcs8;

    Ed25519SigningKey(byte[] pkcs8) {
        super(V1A);
        this.pkcs8 = pkcs8.clone();
    }

    /** A new key pair: the {@code whsk_} private secret (to encrypt and store) and the {@code whpk_} public key. */
    public static Pair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - RAW_PUBLIC_BYTES, x509.length);
            return new Pair(
                    PRIVATE_PREFIX
                            + Base64.getEncoder()
                                    .encodeToString(pair.getPrivate().getEncoded()),
                    PUBLIC_PREFIX + Base64.getEncoder().encodeToString(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    @Override
    byte[] sign(byte[] prefix, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signature.update(prefix);
            signature.update(body);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** @param privateSecret never leaves the server in clear */
    public record Pair(String privateSecret, String publicKey) {
        @Override
        public String toString() {
            return "Ed25519Pair[" + publicKey + "]";
        }
    }
}
