package io.github.b2bpack.password.hashing.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PepperRotationCounterTest {

    @Test
    void countsCredentialsPerAlgorithmAndPepperKey() {
        PepperRotationCounter counter = new PepperRotationCounter("k2");
        String params =
                "\"type\":[\"id\"],\"version\":[\"1.3\"],\"hashLength\":[\"32\"],\"memory\":[\"19456\"],\"parallelism\":[\"1\"]";
        counter.add("{\"hashIterations\":2,\"algorithm\":\"argon2-native\",\"additionalParameters\":{" + params
                + ",\"pepperId\":[\"k1\"]}}");
        counter.add("{\"hashIterations\":2,\"algorithm\":\"argon2-native\",\"additionalParameters\":{" + params
                + ",\"pepperId\":[\"k2\"]}}");
        counter.add("{\"hashIterations\":2,\"algorithm\":\"argon2-native\",\"additionalParameters\":{" + params
                + ",\"pepperId\":[\"k2\"]}}");
        counter.add("{\"hashIterations\":2,\"algorithm\":\"argon2-native\",\"additionalParameters\":{" + params + "}}");
        counter.add("{\"hashIterations\":5,\"algorithm\":\"argon2\",\"additionalParameters\":{" + params + "}}");
        counter.add("{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}");
        counter.add("not json");

        PepperRotationReport report = counter.report("acme", List.of("k1", "k2"));
        assertEquals(7, report.passwordCredentials());
        assertEquals(Map.of("argon2-native", 4L, "argon2", 1L, "bcrypt", 1L, "(unreadable)", 1L), report.byAlgorithm());
        assertEquals(Map.of("k1", 1L, "k2", 2L), report.byPepperId());
        assertEquals(1, report.withoutPepper());
        assertEquals(2, report.onCurrentPepper());
        assertEquals("k2", report.currentPepperId());
    }
}
