package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void verifiesPhpManualVector2y() throws HashRejected {
        // password_verify() example of the PHP manual.
        BcryptHash hash = BcryptHash.parse("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a", 14);
        assertTrue(hash.matches("rasmuslerdorf"));
        assertFalse(hash.matches("rasmuslerdorF"));
    }

    @Test
    void verifiesJbcryptVector2a() throws HashRejected {
        // Test vector of jBCrypt's TestBCrypt (OpenBSD test suite): "abc", cost 6.
        BcryptHash hash = BcryptHash.parse("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", 14);
        assertEquals(6, hash.cost());
        assertTrue(hash.matches("abc"));
        assertFalse(hash.matches("abd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a", "2b", "2y"})
    void verifiesGeneratedHashesOfEachVersion(String version) throws HashRejected {
        String password = "Pässwörd ✓ " + version;
        String encoded = OpenBSDBCrypt.generate(version, password.getBytes(StandardCharsets.UTF_8), salt(), 5);
        BcryptHash hash = BcryptHash.parse(encoded, 14);
        assertTrue(hash.matches(password));
        assertFalse(hash.matches(password + " "));
        assertFalse(hash.matches(""));
    }

    @Test
    void onlyTheFirst72BytesCountAsInEveryBcrypt() throws HashRejected {
        String password = "x".repeat(72);
        String encoded = OpenBSDBCrypt.generate("2b", password.getBytes(StandardCharsets.UTF_8), salt(), 4);
        assertTrue(BcryptHash.parse(encoded, 14).matches(password + "ignored"));
    }

    @Test
    void refusesCostAboveTheCapBeforeHashing() {
        String cost31 = "$2b$31$" + "a".repeat(53);
        HashRejected rejected = assertThrows(HashRejected.class, () -> BcryptHash.parse(cost31, 14));
        assertTrue(rejected.getMessage().contains("cost 31"));
        assertThrows(HashRejected.class, () -> BcryptHash.parse("$2b$03$" + "a".repeat(53), 14));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$2b$",
                "$2x$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
                "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1",
                "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a=",
                "$2y$1a$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
                "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1!",
                "5f4dcc3b5aa765d61d8327deb882cf99"
            })
    void rejectsMalformedHashesWithoutEchoingThem(String encoded) {
        HashRejected rejected = assertThrows(HashRejected.class, () -> BcryptHash.parse(encoded, 14));
        if (encoded.length() > 20) {
            assertFalse(rejected.getMessage().contains(encoded));
        }
    }

    @Test
    void rejectsNull() {
        assertThrows(HashRejected.class, () -> BcryptHash.parse(null, 14));
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
