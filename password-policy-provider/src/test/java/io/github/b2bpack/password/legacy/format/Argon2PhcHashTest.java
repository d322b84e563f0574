package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PhcHashTest {

    private static final Argon2PhcHash.Limits LIMITS = new Argon2PhcHash.Limits(131072, 16, 16);
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Encoded outputs of the reference implementation's test suite (phc-winner-argon2 src/test.c, version
                // 0x13).
                "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
            })
    void verifiesReferenceVectors(String encoded) throws HashRejected {
        Argon2PhcHash hash = Argon2PhcHash.parse(encoded, LIMITS);
        assertEquals(65536, hash.memoryKib());
        assertTrue(hash.matches("password"));
        assertFalse(hash.matches("passwore"));
    }

    @ParameterizedTest
    @CsvSource({"argon2d,0,19", "argon2i,1,19", "argon2id,2,19", "argon2id,2,16", "argon2i,1,"})
    void verifiesGeneratedHashesOfEachTypeAndVersion(String id, int type, Integer version) throws HashRejected {
        byte[] salt = "a sixteen B salt".getBytes(StandardCharsets.US_ASCII);
        int v = version == null ? Argon2Parameters.ARGON2_VERSION_10 : version;
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type)
                .withVersion(v)
                .withMemoryAsKB(64)
                .withIterations(2)
                .withParallelism(2)
                .withSalt(salt)
                .build());
        byte[] out = new byte[24];
        generator.generateBytes("hunter2 ✓".getBytes(StandardCharsets.UTF_8), out);
        String encoded = "$" + id + (version == null ? "" : "$v=" + version) + "$m=64,t=2,p=2$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
        Argon2PhcHash hash = Argon2PhcHash.parse(encoded, LIMITS);
        assertTrue(hash.matches("hunter2 ✓"));
        assertFalse(hash.matches("hunter2"));
    }

    @Test
    void refusesFourGibibytesBeforeAllocating() {
        String hostile = "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        HashRejected rejected = assertThrows(HashRejected.class, () -> Argon2PhcHash.parse(hostile, LIMITS));
        assertTrue(rejected.getMessage().contains("m=4194304"), rejected.getMessage());
        assertThrows(
                HashRejected.class,
                () -> Argon2PhcHash.parse(hostile.replace("m=4194304,t=1", "m=65536,t=1000"), LIMITS));
        assertThrows(
                HashRejected.class,
                () -> Argon2PhcHash.parse(hostile.replace("m=4194304,t=1,p=1", "m=65536,t=1,p=255"), LIMITS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$argon2id$",
                "$argon2x$v=19$m=64,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=20$m=64,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=64,t=2$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=64,t=2,p=1,keyid=AAAA$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=7,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=64,t=2,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ$AA",
                "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ",
                "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA$extra"
            })
    void rejectsMalformedHashes(String encoded) {
        assertThrows(HashRejected.class, () -> Argon2PhcHash.parse(encoded, LIMITS));
    }
}
