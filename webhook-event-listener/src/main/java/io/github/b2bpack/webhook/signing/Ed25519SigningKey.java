package io.github.b2bpack.webhook.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code v1a}: Ed25519 with the PKCS#8 private key of a {@code whsk_} secret; receivers verify with the
 * {@code whpk_} public key (the base64 of the raw 32-byte key).
 */
public final class Ed25519SigningKey extends SigningKey {

    public static final String PRIVATE_PREFIX = "whsk_";
    public static final String PUBLIC_PREFIX = "whpk_";
    /** The X.509 encoding of an Ed25519 public key is a fixed 12-byte header followed by the raw 32-byte key. */
    private static final int RAW_PUBLIC_BYTES = 32;
    /** The fixed X.509 SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410). */
    private static final byte[] X509_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

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

    /**
     * True when {@code privateSecret} ({@code whsk_…}) and {@code publicKey} ({@code whpk_…}) are one pair: a probe
     * signed with the first verifies with the second. The JDK cannot derive an Ed25519 public key from a private one,
     * so a key pair given from outside (an import, a vault entry) brings both and is checked here.
     */
    public static boolean isPair(String privateSecret, String publicKey) {
        try {
            if (!privateSecret.startsWith(PRIVATE_PREFIX) || !publicKey.startsWith(PUBLIC_PREFIX)) {
                return false;
            }
            byte[] raw = Base64.getDecoder().decode(publicKey.substring(PUBLIC_PREFIX.length()));
            if (raw.length != RAW_PUBLIC_BYTES) {
                return false;
            }
            byte[] probe = "b2bpack-key-pair-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Ed25519SigningKey key =
                    new Ed25519SigningKey(Base64.getDecoder().decode(privateSecret.substring(PRIVATE_PREFIX.length())));
            byte[] signature = key.sign(new byte[0], probe);
            byte[] x509 = new byte[X509_HEADER.length + RAW_PUBLIC_BYTES];
            System.arraycopy(X509_HEADER, 0, x509, 0, X509_HEADER.length);
            System.arraycopy(raw, 0, x509, X509_HEADER.length, RAW_PUBLIC_BYTES);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
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
