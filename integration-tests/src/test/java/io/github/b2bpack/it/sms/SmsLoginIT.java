package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.WAIT;
import static io.github.b2bpack.it.sms.SmsFlows.assertTextContains;
import static io.github.b2bpack.it.sms.SmsFlows.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import io.github.b2bpack.testsupport.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * SMS second factor in a real Keycloak, driven in headless Chromium, with both real senders talking
 * to {@link FakeSmsGateway}: enrollment and login, reloads, wrong codes, cooldown, caps, brute force,
 * recovery codes with forced re-enrollment and the 24 h limit.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsLoginIT extends SmsItBase {

    @Test
    void enrollsAPhoneThenLogsInWithTheTextedCodeOverTheHttpSender() throws IOException {
        SmsTestRealm realm = realm("sms-login", Map.of("sender", "http", "defaultRegion", "FR"), 0);
        String number = "+33612345601";
        browser.startLogin(realm);

        // Bad numbers: form errors, no SMS.
        browser.submitPhone("not a number");
        assertTextContains(browser, "This is not a valid mobile number.");
        assertEquals("true", browser.element("phone").getAttribute("aria-invalid"));
        browser.submitPhone("+33 8 99 23 45 67");
        assertTextContains(browser, "premium-rate");
        assertTrue(gateway.messages().isEmpty());

        // A national number is normalised with the default region and verified by the first code.
        browser.submitPhone("06 12 34 56 01");
        List<FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(number, 1, WAIT);
        assertEquals(1, texts.size());
        assertTextContains(browser, "+33*******01");
        assertGenericWireFormat(number);
        assertEquals(
                0,
                admin.realm(realm.name).users().get(realm.userId).credentials().stream()
                        .filter(c -> c.getType().equals("sms-otp"))
                        .count(),
                "no credential before the number is verified");
        browser.submitCode(wrongCode(texts.get(0).code()));
        assertTextContains(browser, "Wrong code");
        String enrollCode = texts.get(0).code();
        browser.submitCode(enrollCode);
        List<String> recovery = browser.shownRecoveryCodes();
        assertEquals(5, recovery.size());
        recovery.forEach(c -> assertTrue(c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), c));
        assertTrue(browser.has("b2bpack-sms-copy-codes") && browser.has("b2bpack-sms-download-codes"));
        browser.acknowledgeRecoveryCodes();
        browser.awaitAuthorizationCode();

        // Second login: the SMS page, masked number, one-time-code input; a reload sends nothing.
        browser.startLogin(realm);
        texts = gateway.awaitMessagesTo(number, 2, WAIT);
        assertEquals(2, texts.size());
        assertTextContains(browser, "+33*******01");
        assertEquals("one-time-code", browser.element("code").getAttribute("autocomplete"));
        assertEquals("numeric", browser.element("code").getAttribute("inputmode"));
        browser.reload();
        browser.reload();
        assertTrue(browser.has("code"));
        assertEquals(2, gateway.messagesTo(number).size(), "a page reload must not send another SMS");

        String loginCode = texts.get(1).code();
        browser.submitCode(loginCode);
        String code = browser.awaitAuthorizationCode();
        OidcClient.Response tokens =
                new OidcClient(realm.url()).authorizationCodeGrant(SmsTestRealm.CLIENT, code, realm.redirect());
        assertEquals(200, tokens.status(), tokens.body());

        // Events name what happened, never the code or the full number.
        List<EventRepresentation> events = admin.realm(realm.name).getEvents();
        List<String> actions = events.stream()
                .map(e -> e.getDetails() == null ? null : e.getDetails().get("b2bpack_event"))
                .toList();
        assertTrue(actions.contains("sms_otp.enrolled"), actions.toString());
        assertTrue(actions.contains("sms_otp.code_sent"), actions.toString());
        assertTrue(actions.contains("sms_otp.challenge_succeeded"), actions.toString());
        for (EventRepresentation e : events) {
            String details = String.valueOf(e.getDetails());
            assertFalse(
                    details.contains(loginCode) || details.contains(enrollCode) || details.contains(number), details);
        }
        String log = ServerLog.read();
        assertFalse(log.contains(number), "full number in the server log");
        for (String line : log.split("\n")) {
            boolean smsLine = line.toLowerCase().contains("sms");
            assertFalse(
                    smsLine && (line.contains(loginCode) || line.contains(enrollCode)),
                    "code in the server log: " + line);
        }
        for (String r : recovery) {
            assertFalse(log.contains(r), "recovery code in the server log");
        }
    }

    private void assertGenericWireFormat(String number) {
        List<RecordedRequest> posts = gateway.requests(r -> r.path().equals(FakeSmsGateway.GENERIC_PATH));
        assertEquals(1, posts.size());
        RecordedRequest post = posts.get(0);
        assertEquals("POST", post.method());
        assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
        String timestamp = post.header("X-B2bpack-Timestamp");
        assertNotNull(timestamp);
        assertTrue(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 60);
        assertEquals(gateway.sign(timestamp, post.body()), post.header("X-B2bpack-Signature"));
        Map<String, String> json = FakeSmsGateway.flatJson(post.bodyText());
        assertEquals(number, json.get("to"));
        assertEquals("sms-login", json.get("realm"));
        assertTrue(json.get("text").startsWith("Your verification code is "), json.get("text"));
    }

    @Test
    void threeWrongCodesVoidTheCodeAndResendWaitsForTheCooldown() {
        SmsTestRealm realm = realm("sms-void", Map.of("sender", "http"), 0);
        String number = "+33612345602";
        String code = secondLoginCode(realm, number);
        browser.submitCode(wrongCode(code));
        assertTextContains(browser, "Wrong code");
        assertEquals("true", browser.element("code").getAttribute("aria-invalid"));
        browser.submitCode(wrongCode(code));
        assertTextContains(browser, "Wrong code");
        browser.submitCode(wrongCode(code));
        assertTextContains(browser, "no longer works");
        browser.submitCode(code);
        assertTextContains(browser, "No code is waiting");

        browser.click("b2bpack-sms-resend");
        assertTextContains(browser, "Please wait");
        assertEquals(2, gateway.messagesTo(number).size(), "resend inside the 30 s cooldown sends nothing");
        assertFalse(browser.currentUrl().contains("code="));
    }

    @Test
    void perUserSendCapStopsSmsPumping() {
        SmsTestRealm realm = realm(
                "sms-cap", Map.of("sender", "http", "resendCooldownSeconds", "0", "maxSendsPerUserPerHour", "3"), 0);
        String number = "+33612345605";
        secondLoginCode(realm, number);
        browser.click("b2bpack-sms-resend");
        assertTextContains(browser, "A new code was sent");
        assertEquals(3, gateway.awaitMessagesTo(number, 3, WAIT).size());
        browser.click("b2bpack-sms-resend");
        assertTextContains(browser, "Too many codes were sent");
        assertEquals(3, gateway.messagesTo(number).size());
        // The last code still works.
        browser.submitCode(gateway.messagesTo(number).get(2).code());
        browser.awaitAuthorizationCode();
    }

    @Test
    void logSenderPrintsTheCodeForDevelopmentAndAGatewayOutageIsAFormError() throws Exception {
        // Development: the log sender writes the masked number and the text (with the code) to the server log.
        SmsTestRealm dev = realm("sms-dev", Map.of("sender", "log"), 0);
        int logLines = ServerLog.lines().size();
        browser.startLogin(dev);
        browser.submitPhone("+33612345607");
        String line = awaitLogLine(logLines, "b2bpack SMS to +33*******07: ");
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("code is (\\d{6})").matcher(line);
        assertTrue(code.find(), line);
        assertFalse(line.contains("+33612345607"), "full number in the log line");
        browser.submitCode(code.group(1));
        assertEquals(5, browser.shownRecoveryCodes().size());
        browser.acknowledgeRecoveryCodes();
        browser.awaitAuthorizationCode();
        assertTrue(gateway.messages().isEmpty());

        // Gateway down: a form error, no credential, no 500; the next try goes through.
        SmsTestRealm realm = realm("sms-outage", Map.of("sender", "http", "resendCooldownSeconds", "0"), 0);
        gateway.failNext(1);
        browser.startLogin(realm);
        browser.submitPhone("+33612345608");
        assertTextContains(browser, "The SMS could not be sent");
        assertTrue(browser.has("phone"));
        SmsFlows.enrollOnPhonePage(browser, gateway, "+33612345608");
    }

    /** Enrolls {@code number} at alice's first login, starts a second one and returns the code it texted. */
    private String secondLoginCode(SmsTestRealm realm, String number) {
        SmsFlows.enrollOnFirstLogin(browser, gateway, realm, number);
        browser.startLogin(realm);
        return gateway.awaitMessagesTo(number, 2, WAIT).get(1).code();
    }

    /** The first line after line {@code skip} of the server log that contains {@code text}, polled with a deadline. */
    private static String awaitLogLine(int skip, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> lines = ServerLog.lines();
            for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + text);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void wrongCodesCountTowardsTheRealmBruteForceLockout() {
        SmsTestRealm realm = realm("sms-brute", Map.of("sender", "http"), 2);
        String code = secondLoginCode(realm, "+33612345606");
        browser.submitCode(wrongCode(code));
        browser.submitCode(wrongCode(code));
        Map<String, Object> status = admin.realm(realm.name).attackDetection().bruteForceUserStatus(realm.userId);
        assertEquals(2, ((Number) status.get("numFailures")).intValue(), status.toString());
        assertEquals(Boolean.TRUE, status.get("disabled"), status.toString());

        browser.submitCode(code);
        assertFalse(
                browser.currentUrl().contains("code="), "a locked-out user must not get in, even with the right code");
        assertTextContains(browser, "temporarily locked");
    }

    @Test
    void recoveryCodeLoginForcesReenrollmentAndWorksOncePerDayOverTwilio() throws Exception {
        SmsTestRealm realm = realm("sms-recovery", Map.of("sender", "twilio"), 0);
        String number = "+33612345603";
        List<String> codes = SmsFlows.enrollOnFirstLogin(browser, gateway, realm, number);
        assertTwilioWireFormat(number);

        browser.startLogin(realm);
        gateway.awaitMessagesTo(number, 2, WAIT);
        browser.click("b2bpack-sms-use-recovery");
        browser.submitRecoveryCode("not-a-recovery-code");
        assertTextContains(browser, "Wrong recovery code");
        assertEquals("true", browser.element("recoveryCode").getAttribute("aria-invalid"));
        // Any order, any case, without dashes.
        browser.submitRecoveryCode(codes.get(3).toLowerCase().replace("-", ""));
        // Forced re-enrollment: a new phone verification and 5 new codes.
        assertTrue(browser.has("phone"), browser.text());
        List<String> fresh = SmsFlows.enrollOnPhonePage(browser, gateway, "+33612345604");
        assertNotEquals(codes, fresh);

        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        Map<String, Object> state = api.get(realm.userId).json();
        assertEquals(Boolean.TRUE, state.get("enrolled"));
        assertEquals("+33*******04", state.get("maskedPhone"));
        assertEquals(2, state.get("enrollmentCount"));
        assertEquals(5, state.get("recoveryCodesLeft"));
        assertNotNull(state.get("lastRecoveryUse"));

        // A second recovery within 24 h is refused, even with a valid code.
        browser.startLogin(realm);
        gateway.awaitMessagesTo("+33612345604", 2, WAIT);
        browser.click("b2bpack-sms-use-recovery");
        browser.submitRecoveryCode(fresh.get(0));
        assertTextContains(browser, "already used in the last 24 hours");
        assertFalse(browser.currentUrl().contains("code="));
    }

    private void assertTwilioWireFormat(String number) {
        List<RecordedRequest> posts = gateway.requests(
                r -> r.path().equals("/2010-04-01/Accounts/" + SmsTestRealm.TWILIO_SID + "/Messages.json"));
        assertEquals(1, posts.size());
        RecordedRequest post = posts.get(0);
        assertEquals("POST", post.method());
        assertEquals(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((SmsTestRealm.TWILIO_SID + ":" + SmsTestRealm.TWILIO_TOKEN)
                                        .getBytes(StandardCharsets.UTF_8)),
                post.header("Authorization"));
        assertTrue(
                post.header("Content-Type").startsWith("application/x-www-form-urlencoded"),
                post.header("Content-Type"));
        Map<String, String> form = FakeSmsGateway.parseForm(post.bodyText());
        assertEquals(number, form.get("To"));
        assertEquals(SmsTestRealm.TWILIO_FROM, form.get("From"));
        assertTrue(
                form.get("Body").matches("Your verification code is \\d{6}\\. It expires in 10 minutes\\."),
                form.get("Body"));
        assertEquals(List.of("To", "From", "Body"), List.copyOf(form.keySet()));
    }
}
