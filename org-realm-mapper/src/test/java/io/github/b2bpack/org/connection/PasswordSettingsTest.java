package io.github.b2bpack.org.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import org.junit.jupiter.api.Test;

class PasswordSettingsTest {

    /** The organization template's policy: length(12) zxcvbn(3) hibp(1), no maximum, password step on. */
    private static final PasswordSettings TEMPLATE = new PasswordSettings(true, 12, null, 3, 1);

    @Test
    void anAbsentFieldKeepsItsValueAndNullRemovesTheEntry() {
        assertEquals(
                new PasswordSettings(true, 8, 40, 3, 1),
                TEMPLATE.changedBy("{\"plain_text_min_length\":8,\"plain_text_max_length\":40}"));
        assertEquals(
                new PasswordSettings(false, 12, null, null, 1), TEMPLATE.changedBy("active=false&zxcvbn_min_score="));
        assertEquals(TEMPLATE, TEMPLATE.changedBy(""));
        assertEquals(
                new PasswordSettings(true, 12, null, 3, 5),
                TEMPLATE.changedBy("{\"hibp_threshold\":\"5\",\"pepper_rotation_period\":null}"));
    }

    @Test
    void theGetAnswerSentBackChangesNothing() {
        String answer =
                "{\"__type__\":\"PasswordConnection\",\"__domain__\":\"acme\",\"__environment__\":\"production\","
                        + "\"active\":true,\"plain_text_min_length\":12,\"plain_text_max_length\":null,"
                        + "\"pepper_rotation_period\":null,\"zxcvbn_min_score\":3,\"hibp_threshold\":1}";
        assertEquals(TEMPLATE, TEMPLATE.changedBy(answer));
    }

    @Test
    void refusesBadValuesWithTheirReason() {
        assertRefused("invalid_request", "{\"plain_text_min_length\":0}");
        assertRefused("invalid_request", "{\"plain_text_min_length\":1025}");
        assertRefused("invalid_request", "{\"plain_text_min_length\":\"eight\"}");
        assertRefused("invalid_request", "{\"plain_text_min_length\":8.5}");
        assertRefused("invalid_request", "{\"plain_text_min_length\":[8]}");
        assertRefused("invalid_request", "{\"plain_text_max_length\":10}"); // below the current minimum 12
        assertRefused("invalid_request", "{\"plain_text_min_length\":20,\"plain_text_max_length\":10}");
        assertRefused("invalid_request", "{\"zxcvbn_min_score\":5}");
        assertRefused("invalid_request", "{\"hibp_threshold\":0}");
        assertRefused("invalid_request", "{\"active\":\"yes\"}");
        assertRefused("invalid_request", "{\"active\":null}");
        assertRefused("invalid_request", "{\"min_length\":8}");
        assertRefused("invalid_request", "active=true&active=false");
        assertRefused("invalid_request", "[1]");
        assertRefused("invalid_request", "{not json");
        assertRefused("invalid_request", "{\"plain_text_min_length\":" + "9".repeat(3000) + "}");
        assertRefused("unsupported_setting", "{\"pepper_rotation_period\":86400}");
    }

    private static void assertRefused(String code, String body) {
        OrganizationException e = assertThrows(OrganizationException.class, () -> TEMPLATE.changedBy(body), body);
        assertEquals(code, e.code(), body);
        assertEquals(OrganizationException.Kind.INVALID, e.kind());
    }
}
