package io.github.b2bpack.password.strength.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrengthCheckRequestTest {

    @Test
    void readsPasswordAndOptionalUserData() throws Exception {
        StrengthCheckRequest request =
                parse("{\"password\":\"p\\u0000\\ud800\",\"username\":\"jdoe\",\"email\":null,\"extra\":1}");
        assertEquals("p\u0000\ud800", request.password());
        assertEquals("jdoe", request.username());
        assertNull(request.email());
    }

    @Test
    void refusesEverythingElseWithoutQuotingTheInput() {
        for (String body : List.of(
                "",
                "{",
                "[]",
                "\"x\"",
                "{}",
                "{\"password\":1}",
                "{\"password\":null}",
                "{\"password\":\"x\",\"username\":[]}",
                "{\"password\":\"Qv7-secret\" x")) {
            StrengthCheckRequest.InvalidRequest refused =
                    assertThrows(StrengthCheckRequest.InvalidRequest.class, () -> parse(body), body);
            assertFalse(refused.getMessage().contains("Qv7-secret"));
        }
    }

    @Test
    void bodiesAreReadUpToTheCapOnly() throws Exception {
        assertEquals(4, PasswordStrengthResource.readAtMost(new java.io.ByteArrayInputStream(new byte[4]), 4).length);
        assertNull(PasswordStrengthResource.readAtMost(new java.io.ByteArrayInputStream(new byte[5]), 4));
        assertEquals(0, PasswordStrengthResource.readAtMost(null, 4).length);
    }

    private static StrengthCheckRequest parse(String body) throws StrengthCheckRequest.InvalidRequest {
        return StrengthCheckRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
