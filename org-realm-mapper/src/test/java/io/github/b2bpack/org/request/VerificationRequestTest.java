package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.org.model.OrganizationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationRequestTest {

    @Test
    void dnsIsTheDefault() {
        for (String body : new String[] {null, "", "  ", "{}", "{\"method\":null}", "{\"method\":\"dns\"}"}) {
            VerificationRequest request = VerificationRequest.parse(body);
            assertEquals("dns", request.method(), body);
            assertFalse(request.manual(), body);
        }
        assertTrue(VerificationRequest.parse("{\"method\":\"manual\"}").manual());
    }

    @Test
    void anyOtherBodyIsAnInvalidRequest() {
        for (String body : List.of(
                "{",
                "[]",
                "\"dns\"",
                "{\"method\":\"MANUAL\"}",
                "{\"method\":1}",
                "{\"method\":\"dns\",\"x\":\"" + "a".repeat(VerificationRequest.MAX_BODY_CHARS) + "\"}")) {
            OrganizationException e =
                    assertThrows(OrganizationException.class, () -> VerificationRequest.parse(body), body);
            assertEquals("invalid_request", e.code());
        }
    }
}
