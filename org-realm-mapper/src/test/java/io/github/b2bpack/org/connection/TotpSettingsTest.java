package io.github.b2bpack.org.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import org.junit.jupiter.api.Test;

class TotpSettingsTest {

    /** The organization template: second factor on, both methods offered, SMS codes 600 s, app period 30 s. */
    private static final TotpSettings TEMPLATE = new TotpSettings(true, TotpMethod.SMS_OR_TOTP_MOBILE_APP, 600, 30);

    @Test
    void cryptrsExpiryIsTheLifetimeOfTheOneMethodOffered() {
        assertEquals(600, new TotpSettings(true, TotpMethod.SMS, 600, 30).expiry());
        assertEquals(30, new TotpSettings(false, TotpMethod.TOTP_MOBILE_APP, 600, 30).expiry());
        assertNull(TEMPLATE.expiry());
    }

    @Test
    void aMethodAndItsExpiryAsCryptrSendsThem() {
        assertEquals(
                new TotpSettings(true, TotpMethod.SMS, 300, 30),
                TEMPLATE.changedBy("active=true&expiry_in_seconds=300&method=sms"));
        assertEquals(
                new TotpSettings(true, TotpMethod.TOTP_MOBILE_APP, 600, 60),
                TEMPLATE.changedBy("{\"method\":\"totp_mobile_app\",\"expiry_in_seconds\":60}"));
        assertEquals(
                new TotpSettings(true, TotpMethod.SMS_OR_TOTP_MOBILE_APP, 120, 45),
                TEMPLATE.changedBy("{\"sms_expiry_in_seconds\":120,\"totp_mobile_app_expiry_in_seconds\":45}"));
        assertEquals(
                new TotpSettings(false, TotpMethod.SMS, 600, 30),
                new TotpSettings(true, TotpMethod.SMS, 600, 30).changedBy("{\"active\":false}"));
    }

    @Test
    void readsTheRealmAttributeAsTheAuthenticatorDoes() {
        assertEquals(TotpMethod.SMS, TotpMethod.ofAttribute(null));
        assertEquals(TotpMethod.SMS, TotpMethod.ofAttribute("email"));
        assertEquals(TotpMethod.TOTP_MOBILE_APP, TotpMethod.ofAttribute("app"));
        assertEquals(TotpMethod.SMS_OR_TOTP_MOBILE_APP, TotpMethod.ofAttribute("app, sms"));
        assertEquals("sms,app", TotpMethod.SMS_OR_TOTP_MOBILE_APP.attribute());
    }

    @Test
    void refusesBadOrAmbiguousChanges() {
        assertRefused("{\"method\":\"email\"}");
        assertRefused("{\"method\":null}");
        assertRefused("{\"expiry_in_seconds\":60}"); // both methods offered: which one?
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
