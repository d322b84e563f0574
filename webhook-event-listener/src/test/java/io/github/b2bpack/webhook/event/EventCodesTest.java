package io.github.b2bpack.webhook.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventCodesTest {

    @Test
    void userEvents() {
        assertEquals("user.login.success", EventCodes.forUserEvent("LOGIN", null));
        assertEquals("user.login.error", EventCodes.forUserEvent("LOGIN_ERROR", null));
        assertEquals("user.update_password.success", EventCodes.forUserEvent("UPDATE_PASSWORD", null));
        assertEquals("user.client_login.error", EventCodes.forUserEvent("CLIENT_LOGIN_ERROR", null));
    }

    @Test
    void packEventsUseTheirDetail() {
        assertEquals(
                "user.sms_otp.code_sent.success",
                EventCodes.forUserEvent("CUSTOM_REQUIRED_ACTION", "sms_otp.code_sent"));
        assertEquals(
                "user.hibp.breached_password.error",
                EventCodes.forUserEvent("UPDATE_PASSWORD_ERROR", "hibp.breached_password"));
        // A malformed detail cannot inject into the code: the type is used instead.
        assertEquals(
                "user.custom_required_action.success", EventCodes.forUserEvent("CUSTOM_REQUIRED_ACTION", "Evil Code*"));
    }

    @Test
    void adminEvents() {
        assertEquals("admin.user.create.success", EventCodes.forAdminEvent("USER", "CREATE", false));
        assertEquals(
                "admin.realm_role_mapping.delete.error",
                EventCodes.forAdminEvent("REALM_ROLE_MAPPING", "DELETE", true));
    }

    @Test
    void concreteCodes() {
        assertTrue(EventCodes.isCode("user.login.success"));
        assertFalse(EventCodes.isCode("user.*"));
        assertFalse(EventCodes.isCode("login"));
        assertFalse(EventCodes.isCode(null));
        assertFalse(EventCodes.isCode("user." + "a".repeat(200)));
    }
}
