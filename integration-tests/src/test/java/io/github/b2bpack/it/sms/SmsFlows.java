package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.testsupport.FakeSmsGateway;
import java.time.Duration;
import java.util.List;

/** Journeys shared by the SMS integration tests. */
final class SmsFlows {

    static final Duration WAIT = Duration.ofSeconds(10);

    private SmsFlows() {}

    /** First login of a user who must enroll: number, texted code, recovery codes; returns the codes. */
    static List<String> enrollOnFirstLogin(
            SmsBrowser browser, FakeSmsGateway gateway, SmsTestRealm realm, String e164) {
        browser.startLogin(realm);
        return enrollOnPhonePage(browser, gateway, e164);
    }

    static List<String> enrollOnPhonePage(SmsBrowser browser, FakeSmsGateway gateway, String e164) {
        int before = gateway.messagesTo(e164).size();
        browser.submitPhone(e164);
        List<FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(e164, before + 1, WAIT);
        assertEquals(before + 1, texts.size(), "one enrollment SMS");
        browser.submitCode(texts.get(texts.size() - 1).code());
        List<String> codes = browser.shownRecoveryCodes();
        assertEquals(5, codes.size(), browser.text());
        browser.acknowledgeRecoveryCodes();
        browser.awaitAuthorizationCode();
        return codes;
    }

    static String wrongCode(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    static void assertTextContains(SmsBrowser browser, String expected) {
        String text = browser.text();
        assertTrue(text.contains(expected), "expected '" + expected + "' in page:\n" + text);
    }
}
