package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScryptHashTest {

    private static final ScryptHash.Limits LIMITS = new ScryptHash.Limits(131072, 16);
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    @Test
    void verifiesRfc7914Vector() throws HashRejected {
        // RFC 7914 section 12: scrypt("password", "NaCl", N=1024, r=8, p=16, dkLen=64).
        byte[] expected = HexFormat.of()
                .parseHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        String phc = "$scrypt$ln=10,r=8,p=16$" + B64.encodeToString("NaCl".getBytes(StandardCharsets.US_ASCII)) + "$"
                + B64.encodeToString(expected);
        ScryptHash hash = ScryptHash.parse(phc, LIMITS);
        assertTrue(hash.matches("password"));
        assertFalse(hash.matches("Password"));
    }

    @Test
    void verifiesGeneratedHashWithPaddedBase64() throws HashRejected {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SCrypt.generate("correct horse".getBytes(StandardCharsets.UTF_8), salt, 1 << 12, 8, 1, 32);
        String phc = "$scrypt$ln=12,r=8,p=1$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
        assertTrue(ScryptHash.parse(phc, LIMITS).matches("correct horse"));
        assertFalse(ScryptHash.parse(phc, LIMITS).matches("correct horse "));
    }

    @Test
    void refusesHostileCostBeforeAllocating() {
        // N = 2^30 would allocate 128 GiB with r=8: refused by the memory cap, instantly.
        String hostile = "$scrypt$ln=30,r=8,p=1$c2FsdA$" + B64.encodeToString(new byte[32]);
        HashRejected rejected = assertThrows(HashRejected.class, () -> ScryptHash.parse(hostile, LIMITS));
        assertTrue(rejected.getMessage().contains("above the cap"), rejected.getMessage());
        String manyLanes = "$scrypt$ln=10,r=8,p=1000000$c2FsdA$" + B64.encodeToString(new byte[32]);
        assertThrows(HashRejected.class, () -> ScryptHash.parse(manyLanes, LIMITS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$scrypt$",
                "$scrypt$ln=10,r=8$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=10,r=8,p=1,x=2$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=10,r=8,p=1$c2FsdA",
                "$scrypt$ln=10,r=8,p=1$c2Fs!A$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=010,r=8,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=-1,r=8,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=99999999999,r=8,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=10,r=8,p=1$c2FsdA$AAAA",
                "$scrypt$v=1$ln=10,r=8,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$ln=10,r=8,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$scrypt$ln=10,r=8,p=1$$AAAAAAAAAAAAAAAAAAAAAA"
            })
    void rejectsMalformedHashes(String encoded) {
        assertThrows(HashRejected.class, () -> ScryptHash.parse(encoded, LIMITS));
    }

    @Test
    void rejectsHugeInputWithoutParsingIt() {
        assertThrows(
                HashRejected.class,
                () -> ScryptHash.parse("$scrypt$ln=10,r=8,p=1$" + "A".repeat(1_000_000) + "$AAAA", LIMITS));
    }
}
