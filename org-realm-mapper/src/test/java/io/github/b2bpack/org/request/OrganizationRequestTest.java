package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.model.EnvironmentStatuses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationRequestTest {

    @Test
    void readsCryptrCreateBody() {
        OrganizationRequest r = OrganizationRequest.parse(
                "{\"name\":\"Communitiz App\",\"allowed_email_domains\":[\"communitiz.app\"]}");
        assertEquals("Communitiz App", r.name());
        assertEquals(List.of("communitiz.app"), r.allowedEmailDomains());
        assertNull(r.environments());
        assertNull(r.slug());
        assertEquals("communitiz-app", OrganizationRequest.slugOfName(r.name()));
    }

    @Test
    void readsEnvironmentStatuses() {
        OrganizationRequest r = OrganizationRequest.parse(
                "{\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"},{\"name\":\"production\",\"status\":\"down\"}]}");
        assertEquals(new EnvironmentStatuses(EnvironmentStatus.DOWN, EnvironmentStatus.UP), r.environments());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "null",
                "[]",
                "\"x\"",
                "{",
                "{\"name\":3}",
                "{\"allowed_email_domains\":\"a.com\"}",
                "{\"allowed_email_domains\":[1]}",
                "{\"environments\":{}}",
                "{\"environments\":[{\"name\":\"dev\",\"status\":\"up\"}]}",
                "{\"environments\":[{\"name\":\"sandbox\",\"status\":\"maybe\"}]}",
                "{\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"},{\"name\":\"sandbox\",\"status\":\"down\"}]}",
            })
    void malformedBodiesAreRefusedWithAMessage(String body) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.parse(body));
        assertEquals(false, e.getMessage().isBlank());
    }

    @Test
    void hugeBodyIsRefusedBeforeParsing() {
        String body = "{\"name\":\"" + "a".repeat(OrganizationRequest.MAX_BODY_CHARS) + "\"}";
        assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.parse(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "!!!", "---", "東京"})
    void namesWithoutSlugAreInvalid(String name) {
        assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.slugOfName(name));
    }

    @Test
    void overlongAndControlCharacterNamesAreInvalid() {
        assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.slugOfName("a".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.slugOfName("Acme\u0000Corp"));
        assertThrows(IllegalArgumentException.class, () -> OrganizationRequest.slugOfName(null));
    }
}
