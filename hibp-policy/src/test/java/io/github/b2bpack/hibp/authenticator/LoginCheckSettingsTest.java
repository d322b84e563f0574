package io.github.b2bpack.hibp.authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.hibp.lookup.FailureMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginCheckSettingsTest {

    @Test
    void withoutConfigRefusesDirectGrantsAndInheritsServerAndRealmSettings() {
        LoginCheckSettings settings = LoginCheckSettings.from(null);
        assertTrue(settings.refuseDirectGrant());
        assertNull(settings.failureMode());
        assertNull(settings.threshold());
    }

    @Test
    void readsTheAdminConsoleValues() {
        LoginCheckSettings settings = LoginCheckSettings.from(
                Map.of("directGrantAction", "record", "failureMode", "closed", "threshold", "5"));
        assertEquals(new LoginCheckSettings(false, FailureMode.CLOSED, 5), settings);
        assertNull(LoginCheckSettings.from(Map.of("failureMode", "server")).failureMode());
    }

    @Test
    void unreadableThresholdFallsBackAndTooSmallIsRaisedToOne() {
        assertNull(LoginCheckSettings.from(Map.of("threshold", "lots")).threshold());
        assertEquals(1, LoginCheckSettings.from(Map.of("threshold", "0")).threshold());
        assertNull(LoginCheckSettings.from(Map.of("failureMode", "maybe")).failureMode());
    }
}
