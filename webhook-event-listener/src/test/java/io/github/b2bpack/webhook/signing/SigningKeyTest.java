package io.github.b2bpack.webhook.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v1a (Ed25519) signatures, checked with the JDK's own verifier and only the published {@code whpk_} key. */
class SigningKeyTest {

    private static final byte[] BODY =
            "{\"type\":\"user.login.success\",\"data\":{\"name\":\"Zoë\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aV1aSignatureVerifiesWithThePublicKeyOverIdTimestampAndBody() throws Exception {
        Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
        assertTrue(pair.privateSecret().startsWith("whsk_"));
        assertTrue(pair.publicKey().startsWith("whpk_"));
        assertEquals(32, Base64.getDecoder().decode(pair.publicKey().substring(5)).length);

        SigningKey key = SigningKey.of(pair.privateSecret());
        assertEquals(SigningKey.V1A, key.scheme());
        String header = key.sign("msg_1", 1614265330L, BODY);
        assertTrue(header.startsWith("v1a,"), header);
        byte[] signature = Base64.getDecoder().decode(header.substring(4));
        assertTrue(verify(pair.publicKey(), "msg_1.1614265330." + new String(BODY, StandardCharsets.UTF_8), signature));
        assertFalse(
                verify(pair.publicKey(), "msg_1.1614265331." + new String(BODY, StandardCharsets.UTF_8), signature),
                "another timestamp must not verify");
        assertFalse(
                verify(
                        Ed25519SigningKey.generate().publicKey(),
                        "msg_1.1614265330." + new String(BODY, StandardCharsets.UTF_8),
                        signature),
                "another key must not verify");
    }

    @Test
    void duringASwitchFromV1ToV1aTheHeaderCarriesBothSignatures() {
        Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
        String header = WebhookSigner.signatureHeader(
                List.of(SigningKey.of(pair.privateSecret()), SigningKey.of(SigningSecret.generate())),
                "msg_2",
                1L,
                BODY);
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertTrue(parts[0].startsWith("v1a,") && parts[1].startsWith("v1,"), header);
    }

    @Test
    void theKeyNeverPrintsItself() {
        Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
        assertFalse(SigningKey.of(pair.privateSecret())
                .toString()
                .contains(pair.privateSecret().substring(5, 15)));
        assertFalse(pair.toString().contains(pair.privateSecret().substring(5)));
    }

    /** What a receiver does: rebuild the X.509 key from the raw 32 bytes and verify with the JDK. */
    static boolean verify(String whpk, String signedText, byte[] signature) throws Exception {
        byte[] raw = Base64.getDecoder().decode(whpk.substring("whpk_".length()));
        byte[] x509 = new byte[12 + raw.length];
        System.arraycopy(
                new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signedText.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    @Test
    void anEd25519PairIsRecognisedAndAStrangerIsNot() {
        Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
        Ed25519SigningKey.Pair other = Ed25519SigningKey.generate();
        assertTrue(Ed25519SigningKey.isPair(pair.privateSecret(), pair.publicKey()));
        assertFalse(Ed25519SigningKey.isPair(pair.privateSecret(), other.publicKey()));
        assertFalse(Ed25519SigningKey.isPair(pair.privateSecret(), "whpk_AAAA"));
        assertFalse(Ed25519SigningKey.isPair("whsec_x", pair.publicKey()));
    }
}
