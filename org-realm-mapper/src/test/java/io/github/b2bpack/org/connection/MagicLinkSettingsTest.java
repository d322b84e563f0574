package io.github.b2bpack.org.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import org.junit.jupiter.api.Test;

class MagicLinkSettingsTest {

    private static final MagicLinkSettings OFF = new MagicLinkSettings(false, 900);

    @Test
    void activeAndExpiry() {
        assertEquals(new MagicLinkSettings(true, 900), OFF.changedBy("active=true"));
        assertEquals(new MagicLinkSettings(false, 300), OFF.changedBy("{\"expiry_in_seconds\":300}"));
        assertEquals(OFF, OFF.changedBy("{\"find_or_create_user\":false,\"sign_in_template_id\":null}"));
    }

    @Test
    void refusesWhatTheStepCannotDo() {
        assertEquals("unsupported_setting", refused("{\"find_or_create_user\":true}"));
        assertEquals("unsupported_setting", refused("{\"sign_in_template_id\":\"b653df01\"}"));
        assertEquals("invalid_request", refused("{\"expiry_in_seconds\":59}"));
        assertEquals("invalid_request", refused("{\"expiry_in_seconds\":86401}"));
        assertEquals("invalid_request", refused("{\"active\":1}"));
    }

    private static String refused(String body) {
        return assertThrows(OrganizationException.class, () -> OFF.changedBy(body), body)
                .code();
    }
}
