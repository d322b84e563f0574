package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.WAIT;
import static io.github.b2bpack.it.sms.SmsFlows.assertTextContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Cryptr's recovery rules, one test run for each method (SMS and authenticator app) in a realm that offers
 * both: 5 recovery codes shown once; a recovery code signs in and requires the same method again; a second
 * recovery login within 24 h is refused even with a valid code; at most 5 self re-enrollments; an admin's
 * force-enroll resets the count.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OtpRecoveryRulesIT extends SmsItBase {

    enum Method {
        SMS("CONFIGURE_SMS_OTP", "b2bpack-sms-use-recovery"),
        APP("CONFIGURE_APP_OTP", "b2bpack-app-use-recovery");

        final String action;
        final String recoveryLink;

        Method(String action, String recoveryLink) {
            this.action = action;
            this.recoveryLink = recoveryLink;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The user's factor of one method as the test drives it: enroll on its page, pass its login step. */
    private final class Factor {
        private final Method method;
        private int numbers;
        private String phone;
        private byte[] key;

        Factor(Method method) {
            this.method = method;
        }

        boolean onEnrollmentPage() {
            return method == Method.SMS ? browser.has("phone") : browser.has("b2bpack-app-qr");
        }

        /** On the enrollment page: enrolls, acknowledges the codes, back at the client; returns the codes. */
        List<String> enroll() {
            assertTrue(onEnrollmentPage(), browser.text());
            if (method == Method.SMS) {
                // A new number each time: the per-number enrollment budget is 3 per hour, server-wide.
                phone = String.format("+336123458%02d", numbers++ + (method.ordinal() * 50));
                return SmsFlows.enrollOnPhonePage(browser, gateway, phone);
            }
            key = Totp.base32(Totp.params(browser.element("b2bpack-app-uri").getAttribute("href"))
                    .get("secret"));
            browser.submitAppCode(Totp.now(key));
            List<String> codes = browser.shownRecoveryCodes();
            assertEquals(5, codes.size(), browser.text());
            browser.acknowledgeRecoveryCodes();
            browser.awaitAuthorizationCode();
            return codes;
        }

        /** Password already given: the method's login step with a right code. */
        void signIn() {
            if (method == Method.SMS) {
                List<io.github.b2bpack.testsupport.FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(phone, 1, WAIT);
                browser.submitCode(texts.get(texts.size() - 1).code());
            } else {
                browser.submitAppCode(Totp.next(key));
            }
            browser.awaitAuthorizationCode();
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theRecoveryRulesAreTheSameForBothMethods(Method method) {
        SmsTestRealm realm = realm(
                "rules-" + method.id(),
                Map.of(
                        "sender", "twilio",
                        "resendCooldownSeconds", "0",
                        "maxSendsPerUserPerHour", "100",
                        "maxSendsPerIpPerHour", "10000"),
                0,
                "sms,app",
                method.action,
                null);
        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        Factor factor = new Factor(method);

        // First enrollment: 5 codes.
        browser.startLogin(realm);
        List<String> first = factor.enroll();

        // A wrong recovery code is refused; a right one (any case, no dashes) signs in once and requires
        // the same method again, which issues 5 new codes.
        browser.startLogin(realm);
        browser.click(method.recoveryLink);
        browser.submitRecoveryCode("not-a-recovery-code");
        assertTextContains(browser, "Wrong recovery code");
        browser.submitRecoveryCode(first.get(3).toLowerCase(Locale.ROOT).replace("-", ""));
        List<String> second = factor.enroll();
        assertNotEquals(first, second);
        Map<String, Object> state = api.get(realm.userId).json();
        assertEquals(List.of(method.id()), state.get("methods"));
        assertEquals(2, state.get("enrollmentCount"));
        assertEquals(5, state.get("recoveryCodesLeft"));
        assertNotNull(state.get("lastRecoveryUse"));

        // A second recovery login within 24 h: refused, even with a valid code.
        browser.startLogin(realm);
        browser.click(method.recoveryLink);
        browser.submitRecoveryCode(second.get(0));
        assertTextContains(browser, "already used in the last 24 hours");
        assertFalse(browser.currentUrl().contains("code="));

        // Self re-enrollments: enrollments 3 to 6 pass (first + 5), the next is refused.
        browser.startLogin(realm);
        factor.signIn();
        for (int i = 3; i <= 6; i++) {
            browser.startAction(realm, method.action);
            factor.enroll();
        }
        assertEquals(6, api.get(realm.userId).json().get("enrollmentCount"));
        browser.startAction(realm, method.action);
        assertTextContains(browser, "too many times");
        assertFalse(factor.onEnrollmentPage());

        // The admin's force-enroll in this method resets the count and requires an enrollment.
        assertEquals(204, api.forceEnroll(realm.userId, method.id()).status());
        state = api.get(realm.userId).json();
        assertEquals(0, state.get("enrollmentCount"));
        assertEquals(0, state.get("recoveryCodesLeft"));
        assertEquals(List.of(), state.get("methods"));
        assertEquals(Boolean.TRUE, state.get("enrollmentRequired"));
        browser.startLogin(realm);
        factor.enroll();
        assertEquals(1, api.get(realm.userId).json().get("enrollmentCount"));
        System.out.println("OTP-RULES " + method + ": recovery once then re-enrollment, second recovery in 24 h "
                + "refused, 6th self re-enrollment refused, force-enroll reset: all as specified");
    }
}
