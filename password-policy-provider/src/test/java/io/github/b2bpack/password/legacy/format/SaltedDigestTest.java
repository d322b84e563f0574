package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.password.legacy.format.SaltedDigest.SaltPosition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SaltedDigestTest {

    private static final byte[] NO_SALT = new byte[0];

    @ParameterizedTest
    @CsvSource({
        // RFC 1321 appendix A.5 and FIPS 180 / RFC 3174 test suites.
        "MD5, abc, 900150983cd24fb0d6963f7d28e17f72",
        "MD5, message digest, f96b697d7cb7938d525a2f31aaf161d0",
        "SHA-1, abc, a9993e364706816aba3e25717850c26c9cd0d89d",
        "SHA-1, abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, 84983e441c3bd26ebaae4aa1f95129e5e54670f1"
    })
    void verifiesPublishedVectorsInHexOfEitherCase(String algorithm, String password, String hex) throws HashRejected {
        assertTrue(
                SaltedDigest.parse(algorithm, hex, NO_SALT, SaltPosition.NONE).matches(password));
        assertTrue(SaltedDigest.parse(algorithm, hex.toUpperCase(), NO_SALT, SaltPosition.NONE)
                .matches(password));
        assertFalse(
                SaltedDigest.parse(algorithm, hex, NO_SALT, SaltPosition.NONE).matches(password + "x"));
    }

    @ParameterizedTest
    @CsvSource({"MD5, BEFORE", "MD5, AFTER", "SHA-1, BEFORE", "SHA-1, AFTER"})
    void verifiesSaltBeforeOrAfterInBase64(String algorithm, SaltPosition position) throws Exception {
        byte[] salt = "s4lt!".getBytes(StandardCharsets.UTF_8);
        byte[] password = "Tr0ub4dor&3".getBytes(StandardCharsets.UTF_8);
        MessageDigest md = MessageDigest.getInstance(algorithm);
        md.update(position == SaltPosition.BEFORE ? salt : password);
        md.update(position == SaltPosition.BEFORE ? password : salt);
        String stored = Base64.getEncoder().encodeToString(md.digest());
        assertTrue(SaltedDigest.parse(algorithm, stored, salt, position).matches("Tr0ub4dor&3"));
        SaltPosition other = position == SaltPosition.BEFORE ? SaltPosition.AFTER : SaltPosition.BEFORE;
        assertFalse(SaltedDigest.parse(algorithm, stored, salt, other).matches("Tr0ub4dor&3"));
        assertFalse(SaltedDigest.parse(algorithm, HexFormat.of().formatHex(md.digest()), NO_SALT, SaltPosition.NONE)
                .matches("Tr0ub4dor&3"));
    }

    /** The recipe of the docs for LDAP {SSHA}: Base64(SHA-1(password ‖ salt) ‖ salt), split and imported as sha1 "after". */
    @Test
    void ldapSshaSplitIntoDigestAndSaltVerifiesAsSha1After() throws Exception {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        md.update("secret".getBytes(StandardCharsets.UTF_8));
        md.update(salt);
        byte[] digest = md.digest();
        byte[] ssha = new byte[digest.length + salt.length];
        System.arraycopy(digest, 0, ssha, 0, digest.length);
        System.arraycopy(salt, 0, ssha, digest.length, salt.length);
        byte[] decoded = Base64.getDecoder().decode(Base64.getEncoder().encodeToString(ssha));
        String value = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(decoded, 20));
        byte[] importedSalt = java.util.Arrays.copyOfRange(decoded, 20, decoded.length);
        assertTrue(SaltedDigest.parse("SHA-1", value, importedSalt, SaltPosition.AFTER)
                .matches("secret"));
    }

    @Test
    void saltPositionMustAgreeWithTheSalt() throws HashRejected {
        assertEquals(SaltPosition.NONE, SaltPosition.parse(null, false));
        assertEquals(SaltPosition.BEFORE, SaltPosition.parse(" Before ", true));
        assertEquals(SaltPosition.AFTER, SaltPosition.parse("after", true));
        assertThrows(HashRejected.class, () -> SaltPosition.parse(null, true));
        assertThrows(HashRejected.class, () -> SaltPosition.parse("before", false));
        assertThrows(HashRejected.class, () -> SaltPosition.parse("none", true));
        assertThrows(HashRejected.class, () -> SaltPosition.parse("middle", true));
        assertThrows(
                HashRejected.class,
                () -> SaltedDigest.parse("MD5", "900150983cd24fb0d6963f7d28e17f72", new byte[] {1}, SaltPosition.NONE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "900150983cd24fb0d6963f7d28e17f7",
                "900150983cd24fb0d6963f7d28e17f72aa",
                "g00150983cd24fb0d6963f7d28e17f72",
                "kAFQmDzST7DWlj99KOF/c!==",
                "a9993e364706816aba3e25717850c26c9cd0d89d"
            })
    void rejectsMalformedMd5Digests(String stored) {
        assertThrows(HashRejected.class, () -> SaltedDigest.parse("MD5", stored, NO_SALT, SaltPosition.NONE));
    }

    @Test
    void rejectsNullAndOversizedSalt() {
        assertThrows(HashRejected.class, () -> SaltedDigest.parse("MD5", null, NO_SALT, SaltPosition.NONE));
        assertThrows(
                HashRejected.class,
                () -> SaltedDigest.parse(
                        "MD5", "900150983cd24fb0d6963f7d28e17f72", new byte[1025], SaltPosition.AFTER));
    }
}
