package io.github.b2bpack.password.legacy.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhcStringTest {

    @Test
    void parsesAllFields() throws HashRejected {
        PhcString phc = PhcString.parse("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$AAEC");
        assertEquals("argon2id", phc.id());
        assertEquals(19, phc.version());
        assertEquals(Map.of("m", "65536", "t", "2", "p", "1"), phc.parameters());
        assertArrayEquals("somesalt".getBytes(StandardCharsets.US_ASCII), phc.salt());
        assertArrayEquals(new byte[] {0, 1, 2}, phc.hash());
    }

    @Test
    void versionIsOptional() throws HashRejected {
        assertNull(PhcString.parse("$scrypt$ln=1,r=1,p=1$c2FsdA$AAEC").version());
    }

    @Test
    void rejectsDuplicateParametersAndOverflow() {
        assertThrows(HashRejected.class, () -> PhcString.parse("$x$m=1,m=2$c2FsdA$AAEC"));
        assertThrows(HashRejected.class, () -> PhcString.parse("$x$v=2147483648$m=1$c2FsdA$AAEC"));
        assertThrows(HashRejected.class, () -> PhcString.parse("$X$m=1$c2FsdA$AAEC"));
        assertThrows(HashRejected.class, () -> PhcString.parse("x$m=1$c2FsdA$AAEC"));
        assertThrows(HashRejected.class, () -> PhcString.parse("$x$m=1$c2FsdA$A"));
    }

    @Test
    void intParameterChecksRange() throws HashRejected {
        PhcString phc = PhcString.parse("$x$m=5$c2FsdA$AAEC");
        assertEquals(5, phc.intParameter("m", 1, 5));
        assertThrows(HashRejected.class, () -> phc.intParameter("m", 6, 9));
        assertThrows(HashRejected.class, () -> phc.intParameter("t", 1, 9));
    }
}
