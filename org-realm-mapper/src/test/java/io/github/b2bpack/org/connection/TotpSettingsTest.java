package io.github.b2bpack.org.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import org.junit.jupiter.api.Test;

class TotpSettingsTest {

    /** The organization template: SMS and app steps both on, SMS codes 600 s, app period 30 s. */
    private static final TotpSettings TEMPLATE = new TotpSettings(TotpMethod.SMS_OR_TOTP_MOBILE_APP, 600, 30);

    @Test
    void cryptrsExpiryIsTheLifetimeOfTheOneMethodInUse() {
        assertEquals(600, new TotpSettings(TotpMethod.SMS, 600, 30).expiry());
        assertEquals(30, new TotpSettings(TotpMethod.TOTP_MOBILE_APP, 600, 30).expiry());
        assertNull(TEMPLATE.expiry());
        assertNull(new TotpSettings(null, 600, 30).expiry());
    }

    @Test
    void aMethodAndItsExpiryAsCryptrSendsThem() {
        assertEquals(
                new TotpSettings(TotpMethod.SMS, 300, 30),
                TEMPLATE.changedBy("active=true&expiry_in_seconds=300&method=sms"));
        assertEquals(
                new TotpSettings(TotpMethod.TOTP_MOBILE_APP, 600, 60),
                TEMPLATE.changedBy("{\"method\":\"totp_mobile_app\",\"expiry_in_seconds\":60}"));
        assertEquals(
                new TotpSettings(TotpMethod.SMS_OR_TOTP_MOBILE_APP, 120, 45),
                TEMPLATE.changedBy("{\"sms_expiry_in_seconds\":120,\"totp_mobile_app_expiry_in_seconds\":45}"));
    }

    @Test
    void deactivatingDropsTheMethodAndActivatingWithoutOneTurnsBothOn() {
        TotpSettings off = TEMPLATE.changedBy("{\"active\":false}");
        assertEquals(new TotpSettings(null, 600, 30), off);
        assertEquals(TEMPLATE, off.changedBy("{\"active\":true}"));
        assertEquals(new TotpSettings(TotpMethod.SMS, 600, 30), off.changedBy("{\"method\":\"sms\"}"));
        assertEquals(off, off.changedBy("{\"sms_expiry_in_seconds\":600}"));
    }

    @Test
    void refusesBadOrAmbiguousChanges() {
        assertRefused("{\"method\":\"email\"}");
        assertRefused("{\"method\":null}");
        assertRefused("{\"active\":false,\"method\":\"sms\"}");
        assertRefused("{\"expiry_in_seconds\":60}"); // both methods on: which one?
        assertRefused("{\"active\":false,\"expiry_in_seconds\":60}");
        assertRefused("{\"method\":\"sms\",\"expiry_in_seconds\":29}");
        assertRefused("{\"method\":\"sms\",\"expiry_in_seconds\":901}");
        assertRefused("{\"sms_expiry_in_seconds\":-1}");
        assertRefused("{\"totp_mobile_app_expiry_in_seconds\":\"30s\"}");
        assertRefused("{\"period\":30}");
    }

    private static void assertRefused(String body) {
        OrganizationException e = assertThrows(OrganizationException.class, () -> TEMPLATE.changedBy(body), body);
        assertEquals("invalid_request", e.code(), body);
    }
}
