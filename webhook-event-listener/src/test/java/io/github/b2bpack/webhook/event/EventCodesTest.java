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
    void aPackEventOfThreeOrMoreSegmentsIsACodeOfItsOwn() {
        // Directory Sync (org-realm-mapper ScimOutcomes): Cryptr's codes.
        assertEquals("dir_sync.user.provision.success", EventCodes.forUserEvent("REGISTER", "dir_sync.user.provision"));
        assertEquals(
                "dir_sync.user.deprovision.success",
                EventCodes.forUserEvent("UPDATE_PROFILE", "dir_sync.user.deprovision"));
        assertEquals(
                "dir_sync.user.delete.error", EventCodes.forUserEvent("DELETE_ACCOUNT_ERROR", "dir_sync.user.delete"));
        assertEquals("dir_sync.user.provision.error", EventCodes.forPackEvent("dir_sync.user.provision", true));
        assertEquals("a.b.c.d.e.f.g.success", EventCodes.forUserEvent("LOGIN", "a.b.c.d.e.f.g"));
        // Two segments keep the form every earlier pack event has (no existing code changes).
        assertEquals("user.sms_otp.code_sent.error", EventCodes.forPackEvent("sms_otp.code_sent", true));
        assertEquals(
                "user.sso.user_not_registered.error",
                EventCodes.forUserEvent("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "sso.user_not_registered"));
        assertEquals("user.headless.totp_login.success", EventCodes.forUserEvent("LOGIN", "headless.totp_login"));
        // Eight segments would make a nine-segment code: it stays under user., as before.
        assertEquals("user.a.b.c.d.e.f.g.h.success", EventCodes.forUserEvent("LOGIN", "a.b.c.d.e.f.g.h"));
    }

    @Test
    void aPackEventCannotPassForAnAdminOrOperationalEvent() {
        // The first segments the rule itself gives stay under user.: no detail can spoof admin.* or webhook.*.
        assertEquals("user.admin.user.create.success", EventCodes.forUserEvent("LOGIN", "admin.user.create"));
        assertEquals(
                "user.webhook.endpoint.disabled.success",
                EventCodes.forUserEvent("LOGIN", "webhook.endpoint.disabled"));
        assertEquals("user.user.login.x.error", EventCodes.forUserEvent("LOGIN_ERROR", "user.login.x"));
        // Malformed details never reach the code.
        assertEquals("user.login.success", EventCodes.forUserEvent("LOGIN", "dir_sync..provision"));
        assertEquals("user.login.success", EventCodes.forUserEvent("LOGIN", "Dir_Sync.user.provision"));
        assertEquals("user.login.success", EventCodes.forUserEvent("LOGIN", "dir_sync.user.*"));
        assertEquals("user.login.success", EventCodes.forUserEvent("LOGIN", "single"));
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
