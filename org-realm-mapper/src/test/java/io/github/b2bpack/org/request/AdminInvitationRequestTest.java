package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminInvitationRequestTest {

    @Test
    void takesTheEmailFromTheQueryAsCryptrOrFromTheBody() {
        assertEquals(
                "it@acme.example",
                AdminInvitationRequest.of(Map.of("email", List.of("IT@acme.example")), null)
                        .email());
        assertEquals(
                "it@acme.example",
                AdminInvitationRequest.of(Map.of(), "{\"email\":\" it@acme.example \"}")
                        .email());
        assertEquals(
                "it@acme.example",
                AdminInvitationRequest.of(
                                Map.of("email", List.of("it@acme.example")), "{\"email\":\"IT@acme.example\"}")
                        .email());
    }

    @Test
    void refusesMalformedInputWithInvalidRequest() {
        for (String body : List.of(
                "{}",
                "{\"email\":\"no-at\"}",
                "{\"email\":\"a@b\"}",
                "{\"email\":\"a@@b.example\"}",
                "{\"email\":\"a b@c.example\"}",
                "{\"email\":7}",
                "{\"email\":\"a@b.example\",\"role\":\"admin\"}",
                "[\"a@b.example\"]",
                "not json",
                "{\"email\":\"" + "a".repeat(250) + "@b.example\"}")) {
            OrganizationException e =
                    assertThrows(OrganizationException.class, () -> AdminInvitationRequest.of(Map.of(), body), body);
            assertEquals("invalid_request", e.code(), body);
        }
        assertThrows(
                OrganizationException.class,
                () -> AdminInvitationRequest.of(Map.of("email", List.of("a@b.example", "c@d.example")), null));
        assertThrows(
                OrganizationException.class,
                () -> AdminInvitationRequest.of(
                        Map.of("email", List.of("a@b.example")), "{\"email\":\"c@d.example\"}"));
        assertThrows(OrganizationException.class, () -> AdminInvitationRequest.of(Map.of(), null));
        assertThrows(
                OrganizationException.class,
                () -> AdminInvitationRequest.of(Map.of("email", List.of("a\u0000@b.example")), null));
    }
}
