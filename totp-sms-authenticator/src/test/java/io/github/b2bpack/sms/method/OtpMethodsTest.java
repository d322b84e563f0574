package io.github.b2bpack.sms.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpMethodsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"sms;sms", "app;app", "sms,app;sms,app", "app,sms;sms,app", " app , sms ;sms,app", "app,app;app"})
    void readsEverySpelling(String raw, String canonical) {
        OtpMethods m = OtpMethods.parse(raw);
        assertTrue(m.valid());
        assertEquals(canonical, m.value());
        assertTrue(OtpMethods.isValid(raw));
    }

    @Test
    void absentMeansSmsForRealmsMadeBeforeTheAppMethod() {
        assertEquals("sms", OtpMethods.parse(null).value());
        assertEquals("sms", OtpMethods.parse("  ").value());
        assertTrue(OtpMethods.parse(null).valid());
        assertFalse(OtpMethods.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMS", "totp", "sms,", ",", "sms;app", "email", "sms,app,magic"})
    void unreadableValuesFallBackToSmsNeverToNothing(String raw) {
        OtpMethods m = OtpMethods.parse(raw);
        assertFalse(m.valid());
        assertEquals("sms", m.value());
        assertFalse(OtpMethods.isValid(raw));
    }

    @Test
    void routesAnEnrollmentToAnOfferedMethod() {
        assertEquals(OtpMethod.SMS, OtpMethods.parse("sms").route(OtpMethod.APP));
        assertEquals(OtpMethod.APP, OtpMethods.parse("app").route(OtpMethod.SMS));
        assertEquals(OtpMethod.APP, OtpMethods.parse("sms,app").route(OtpMethod.APP));
        assertTrue(OtpMethods.parse("sms,app").userChooses());
        assertFalse(OtpMethods.parse("app").userChooses());
    }

    @Test
    void attemptBudgetNeedsOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptBudget(0, 30));
        assertEquals(1, new AttemptBudget(3, 0).periodSeconds());
        assertEquals("b2bpack-otp:app-attempt:r:u:2", new AttemptBudget(3, 30).slotKey("r", "u", 2));
    }
}
