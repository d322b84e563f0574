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

    @Test
    void anUnknownFieldIsEchoedPrintableOnly() {
        OrganizationException e = assertThrows(
                OrganizationException.class,
                () -> AdminInvitationRequest.of(Map.of(), "{\"<script>\\u001b[31m" + "x".repeat(60) + "\": 1}"));
        String message = e.getMessage();
        assertEquals(-1, message.indexOf('\u001b'), message);
        assertEquals(-1, message.indexOf("x".repeat(41)), message);
    }

    @Test
    void theUsersApiAndTheInvitationCheckAddressesAlike() {
        for (String bad : List.of("a@localhost", "@b.example", "a@", "a b@c.example", "a@b@c.example")) {
            assertThrows(IllegalArgumentException.class, () -> EmailAddresses.check(bad, "email"), bad);
            assertThrows(OrganizationException.class, () -> UserRequest.of("{\"email\":\"" + bad + "\"}"), bad);
            assertThrows(
                    OrganizationException.class,
                    () -> AdminInvitationRequest.of(Map.of("email", List.of(bad)), null),
                    bad);
        }
        assertEquals("it-admin@acme.example", AdminInvitationRequest.email(" IT-Admin@Acme.example ", "email"));
    }
}
