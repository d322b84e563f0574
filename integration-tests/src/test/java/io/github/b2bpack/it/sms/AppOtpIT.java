package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.assertTextContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.HttpLoginSession;
import io.github.b2bpack.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The authenticator-app method ({@code app-otp-form}, {@code CONFIGURE_APP_OTP}): enrollment by QR code in
 * Chromium with codes computed from the shared secret as an app would (RFC 6238), a code refused when used
 * again inside its window, and 40 parallel wrong codes of which at most 3 are checked (and counted by
 * brute-force protection). The recovery rules, shared with SMS, are in {@link OtpRecoveryRulesIT}.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class AppOtpIT extends SmsItBase {

    private static final String RAW_SECRET = "B2bpackItAppSecret42";

    @Test
    void enrollsByQrCodeThenSignsInWithTheNextCodeAndRefusesAReusedOne() {
        // The user was asked to enroll SMS, but the realm offers only the app: the enrollment is routed.
        SmsTestRealm realm = realm("app-enroll", Map.of("sender", "twilio"), 0, "app", "CONFIGURE_SMS_OTP", null);
        browser.startLogin(realm);
        assertTrue(browser.has("b2bpack-app-qr"), browser.text());
        assertFalse(browser.has("b2bpack-otp-switch"), "one method offered: no switch");

        String fromQr = Totp.decodeQr(browser.element("b2bpack-app-qr").getAttribute("src"));
        String link = browser.element("b2bpack-app-uri").getAttribute("href");
        System.out.println("APP-OTP: QR code reads " + fromQr.replaceAll("secret=[A-Z2-7]+", "secret=…"));
        assertEquals(fromQr, link, "the QR code and the link carry the same otpauth URI");
        assertTrue(fromQr.startsWith("otpauth://totp/"), fromQr);
        Map<String, String> params = Totp.params(fromQr);
        assertEquals("6", params.get("digits"));
        assertEquals("30", params.get("period"));
        assertEquals("SHA1", params.get("algorithm"));
        assertEquals(
                params.get("secret"),
                browser.element("b2bpack-app-key").getText().replace(" ", ""),
                "the key for manual entry is the same secret");
        byte[] key = Totp.base32(params.get("secret"));

        browser.submitAppCode(Totp.wrong(key));
        assertTextContains(browser, "Wrong code");
        assertTrue(browser.has("b2bpack-app-qr"), "a wrong first code stores nothing and keeps the same QR");
        assertEquals(fromQr, Totp.decodeQr(browser.element("b2bpack-app-qr").getAttribute("src")));

        String enrollmentCode = Totp.now(key);
        browser.submitAppCode(enrollmentCode);
        assertTextContains(browser, "Your authenticator app is set up.");
        List<String> recovery = browser.shownRecoveryCodes();
        assertEquals(5, recovery.size(), browser.text());
        browser.acknowledgeRecoveryCodes();
        browser.awaitAuthorizationCode();

        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        Map<String, Object> state = api.get(realm.userId).json();
        assertEquals(List.of("app"), state.get("methods"));
        assertEquals(Boolean.TRUE, state.get("appEnrolled"));
        assertEquals(Boolean.FALSE, state.get("enrolled"), "no phone");
        assertEquals(1, state.get("enrollmentCount"));
        assertEquals(5, state.get("recoveryCodesLeft"));
        assertEquals(Boolean.FALSE, state.get("enrollmentRequired"));
        assertTrue(admin.realm(realm.name).users().get(realm.userId).credentials().stream()
                .anyMatch(c -> c.getType().equals("otp")));

        // Next login: the enrollment code again, still inside its window, is refused (Keycloak's provider
        // remembers used codes: the enrollment spent it); the app's next code signs in.
        browser.startLogin(realm);
        assertTrue(browser.has("otp"), browser.text());
        assertTrue(browser.has("b2bpack-app-use-recovery"));
        browser.submitAppCode(enrollmentCode);
        assertTextContains(browser, "Wrong code");
        assertEquals("true", browser.element("otp").getAttribute("aria-invalid"));
        System.out.println("APP-OTP: enrollment code replayed at login inside its window -> refused");
        browser.submitAppCode(Totp.next(key));
        browser.awaitAuthorizationCode();

        // The login page in German from the module's bundle.
        browser.startLogin(realm, "&ui_locales=de");
        assertTextContains(browser, "Code der Authenticator-App");
    }

    @Test
    void whenTheRealmOffersBothTheUserChoosesAtEnrollment() {
        SmsTestRealm realm = realm("app-choice", Map.of("sender", "twilio"), 0, "sms,app", "CONFIGURE_SMS_OTP", null);
        browser.startLogin(realm);
        assertTrue(browser.has("phone"), browser.text());
        assertTextContains(browser, "Use an authenticator app instead");
        browser.click("b2bpack-otp-switch");
        assertTrue(browser.has("b2bpack-app-qr"), browser.text());
        assertTextContains(browser, "Receive codes by SMS instead");
        byte[] key = Totp.base32(Totp.params(browser.element("b2bpack-app-uri").getAttribute("href"))
                .get("secret"));
        browser.submitAppCode(Totp.now(key));
        assertEquals(5, browser.shownRecoveryCodes().size(), browser.text());
        browser.acknowledgeRecoveryCodes();
        browser.awaitAuthorizationCode();
        Map<String, Object> state =
                new SmsAdminApi(admin, realm.name).get(realm.userId).json();
        assertEquals(List.of("app"), state.get("methods"));
        assertEquals(Boolean.FALSE, state.get("enrollmentRequired"), "the SMS enrollment was given up for the app");
    }

    /**
     * 40 sessions of one user (password given) post a wrong app code at the same instant. Without brute-force
     * protection the attempt slots alone answer: exactly 3 codes compared, 37 refused unchecked. With it
     * (failure factor 30), Keycloak's quick-login check may lock the user after the first failures too; either
     * way at most 3 codes are compared and at most 3 failures counted.
     */
    @ParameterizedTest(name = "brute-force protection {0}")
    @ValueSource(booleans = {false, true})
    void fortyParallelWrongCodesGetAtMostThreeChecks(boolean bruteForce) throws Exception {
        SmsTestRealm realm = realm(
                bruteForce ? "app-parallel-bf" : "app-parallel",
                Map.of("sender", "twilio"),
                bruteForce ? 30 : 0,
                "sms,app",
                null,
                RAW_SECRET);
        byte[] key = RAW_SECRET.getBytes(StandardCharsets.US_ASCII);
        List<HttpLoginSession> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpLoginSession s =
                    new HttpLoginSession().loginAt(realm.authorizationUrl(), SmsTestRealm.USER, SmsTestRealm.PASSWORD);
            assertTrue(s.pageContains("name=\"otp\""), s.page());
            sessions.add(s);
        }
        String wrong = Totp.wrong(key);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> pages = new ArrayList<>();
        for (HttpLoginSession s : sessions) {
            pages.add(pool.submit(() -> {
                start.await();
                return s.post(Map.of("otp", wrong)).page();
            }));
        }
        start.countDown();
        int checked = 0;
        int refused = 0;
        int locked = 0;
        for (Future<String> page : pages) {
            String html = page.get();
            if (html.contains("Wrong code.")) {
                checked++;
            } else if (html.contains("Too many codes were tried")) {
                refused++;
            } else if (html.contains("temporarily locked")) {
                locked++;
            }
        }
        pool.shutdown();
        Thread.sleep(2000); // brute-force failures are recorded asynchronously
        int failures = bruteForce
                ? ((Number) admin.realm(realm.name)
                                .attackDetection()
                                .bruteForceUserStatus(realm.userId)
                                .get("numFailures"))
                        .intValue()
                : 0;
        System.out.println("APP-OTP: 40 parallel wrong codes, brute-force protection " + bruteForce + " -> compared "
                + checked + ", refused unchecked " + refused + ", refused as locked " + locked
                + ", brute-force failures counted " + failures);
        assertEquals(40, checked + refused + locked, "every entry answered, no 500");
        assertTrue(checked >= 1 && checked <= 3, "at most 3 codes compared per user per period: " + checked);
        if (bruteForce) {
            assertTrue(failures <= 3, "only compared codes count as failures: " + failures);
        } else {
            assertEquals(3, checked, "the slots alone: exactly 3 compared");
            assertEquals(0, locked);
        }

        if (bruteForce) {
            // Requests refused by the lock claim no slot, so checks are left in the period: run 3 saw the lock
            // over within 3 s and the right code then signed in, as it should for the real user.
            return;
        }
        // The slots alone: the right code inside the same period is refused too (the burst spent the checks).
        HttpLoginSession late =
                new HttpLoginSession().loginAt(realm.authorizationUrl(), SmsTestRealm.USER, SmsTestRealm.PASSWORD);
        late.post(Map.of("otp", Totp.next(key)));
        assertFalse(late.loggedIn());
        assertTrue(late.pageContains("Too many codes were tried"), late.page());
    }

    @Test
    void theRealmsMethodsAreReadAndSetByItsAdminsOnly() {
        SmsTestRealm realm = realm("app-methods", Map.of("sender", "twilio"), 0, "sms,app", null, null);
        SmsTestRealm other = realm("app-methods-other", Map.of("sender", "twilio"), 0, "sms", null, null);
        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        assertEquals(
                "{\"methods\":\"sms,app\"}",
                api.methods("GET", null, api.token()).body());

        SmsAdminApi.Reply set = api.methods("PUT", "{\"methods\":\" app , sms \"}", api.token());
        assertEquals(200, set.status(), set.body());
        assertEquals("sms,app", set.json().get("methods"));
        assertEquals(
                200, api.methods("PUT", "{\"methods\":\"app\"}", api.token()).status());
        assertEquals(
                "app",
                admin.realm(realm.name).toRepresentation().getAttributes().get("b2bpack.otp.methods"));
        for (String bad : List.of("{\"methods\":\"totp\"}", "{\"methods\":\"\"}", "{\"methods\":3}", "{}", "[]")) {
            SmsAdminApi.Reply r = api.methods("PUT", bad, api.token());
            assertTrue(r.status() == 400, bad + " -> " + r.status() + " " + r.body());
        }
        assertEquals(400, api.forceEnroll(realm.userId, "totp").status());

        // No token, a token of a user with view-users only, and an admin of another realm (organization).
        assertEquals(401, api.methods("GET", null, null).status());
        assertEquals(401, api.methods("PUT", "{\"methods\":\"sms\"}", null).status());
        UserRepresentation viewer =
                Fixtures.userWithPassword("viewer", "viewer@example.com", "View", "Er", "Viewer-Password-42");
        String viewerId = Users.create(admin, realm.name, viewer);
        Users.grantClientRoles(admin, realm.name, viewerId, "realm-management", "view-users");
        String viewerToken = Users.adminCliToken(realm.name, "viewer", "Viewer-Password-42");
        assertEquals(403, api.methods("GET", null, viewerToken).status());
        assertEquals(
                403, api.methods("PUT", "{\"methods\":\"sms\"}", viewerToken).status());
        UserRepresentation intruder =
                Fixtures.userWithPassword("intruder", "intruder@example.com", "In", "Truder", "Intruder-Password-42");
        String intruderId = Users.create(admin, other.name, intruder);
        Users.grantClientRoles(admin, other.name, intruderId, "realm-management", "realm-admin");
        String intruderToken = Users.adminCliToken(other.name, "intruder", "Intruder-Password-42");
        int get = api.methods("GET", null, intruderToken).status();
        int put = api.methods("PUT", "{\"methods\":\"sms\"}", intruderToken).status();
        int force = api.call("POST", realm.userId + "/force-enroll?method=app", intruderToken)
                .status();
        System.out.println("APP-OTP: another realm's admin on /sms-otp: GET methods " + get + ", PUT methods " + put
                + ", force-enroll " + force);
        assertTrue(Set.of(401, 403).contains(get), "GET " + get);
        assertTrue(Set.of(401, 403).contains(put), "PUT " + put);
        assertTrue(Set.of(401, 403).contains(force), "force-enroll " + force);
        assertEquals(
                "app",
                admin.realm(realm.name).toRepresentation().getAttributes().get("b2bpack.otp.methods"));
    }
}
