package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 15, headless TOTP with the authenticator-app method ({@code totp_mobile_app}): enrollment answers the
 * {@code otpauth://} URI and its first code (RFC 6238, computed here) stores Keycloak's {@code otp} credential; a
 * challenge validated with an app code after a password challenge yields a code the backend exchanges for tokens; a
 * used code is refused; a recovery code stands in once; 40 parallel wrong codes get at most the 3 checks of the
 * period that {@code app-otp-form} allows; a realm that does not offer the app refuses its enrollment.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HeadlessAppTotpIT extends SmsOrgItBase {

    @Test
    void appEnrollmentChallengeTokensReuseAndRecovery() {
        SmsOrgRealm org = appOrg("Org IT Headless App", "sms,app");
        HeadlessApi api = HeadlessApi.setUp(org);
        String samId = org.createUser("sam", null);
        BearerHttp backend = api.backend();

        // No method field: the app, Cryptr's default, as the realm offers it.
        OidcClient.Response started = backend.post("/totp-enrollment/" + samId, "{}");
        assertEquals(201, started.status(), started.body());
        assertEquals("totp_mobile_app", started.field("method"));
        String uri = started.field("uri");
        assertTrue(uri.startsWith("otpauth://totp/"), uri);
        assertNull(started.field("recovery_codes"));
        assertNull(started.field("first_verification_code"));
        byte[] key = Totp.base32(Totp.params(uri).get("secret"));

        OidcClient.Response wrong =
                backend.put("/totp-enrollment/validation/" + samId, HeadlessApi.json("code", Totp.wrong(key)));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("wrong_code", wrong.field("error"));
        OidcClient.Response validated =
                backend.put("/totp-enrollment/validation/" + samId, HeadlessApi.json("code", Totp.now(key)));
        assertEquals(200, validated.status(), validated.body());
        assertEquals("totp_mobile_app", validated.field("method"));
        String[] recovery = validated.field("recovery_codes").split("\n");
        assertEquals(5, recovery.length);
        assertNotNull(validated.field("validated_enrollment_at"));
        assertEquals(
                1,
                admin.realm(org.name).users().get(samId).credentials().stream()
                        .filter(c -> c.getType().equals("otp"))
                        .count(),
                "Keycloak's own otp credential");

        // The password alone gives no code to an app user.
        String login = HeadlessApi.json("user_email", "sam@org-it.example", "plain_text", SmsOrgRealm.PASSWORD);
        OidcClient.Response password = backend.post("/password-challenge", login);
        assertEquals(201, password.status(), password.body());
        assertNull(password.field("code"));
        assertEquals("true", password.field("totp_required"));
        OidcClient.Response challenge = backend.post("/totp-challenge/" + samId, "{}");
        assertEquals(201, challenge.status(), challenge.body());
        assertEquals("false", challenge.field("success"));
        String appCode = Totp.next(key);
        OidcClient.Response passed =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", appCode));
        assertEquals(200, passed.status(), passed.body());
        assertEquals("true", passed.field("success"));
        assertEquals("false", passed.field("recovery_code_used"));
        OidcClient.Response tokens = api.redeem(HeadlessApi.BACKEND, passed.field("code"));
        assertEquals(200, tokens.status(), tokens.body());
        assertEquals(
                samId,
                HeadlessApi.claims(tokens.field("access_token")).get("sub").asText());

        // A used code is refused (Keycloak's OTP provider remembers it), even after a new password challenge.
        assertEquals(201, backend.post("/password-challenge", login).status());
        OidcClient.Response replay =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", appCode));
        assertEquals(401, replay.status(), replay.body());
        assertEquals("wrong_code", replay.field("error"));

        // A recovery code stands in for the app and asks for a new app enrollment.
        OidcClient.Response recovered =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", recovery[0]));
        assertEquals(200, recovered.status(), recovered.body());
        assertEquals("true", recovered.field("recovery_code_used"));
        assertEquals(
                200, api.redeem(HeadlessApi.BACKEND, recovered.field("code")).status());
        assertTrue(admin.realm(org.name)
                .users()
                .get(samId)
                .toRepresentation()
                .getRequiredActions()
                .contains("CONFIGURE_APP_OTP"));

        // An organization offering only SMS does not enroll the app.
        SmsOrgRealm smsOnly = appOrg("Org IT Headless Sms Only", "sms");
        HeadlessApi smsApi = HeadlessApi.setUp(smsOnly);
        String noraId = smsOnly.createUser("nora", null);
        OidcClient.Response refused =
                smsApi.backend().post("/totp-enrollment/" + noraId, HeadlessApi.json("method", "totp_mobile_app"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("method_not_available", refused.field("error"));
    }

    @Test
    void fortyParallelWrongAppCodesGetAtMostThreeChecks() throws Exception {
        SmsOrgRealm org = appOrg("Org IT Headless App Parallel", "app");
        HeadlessApi api = HeadlessApi.setUp(org);
        String samId = org.createUser("sam", null);
        BearerHttp backend = api.backend();
        OidcClient.Response started = backend.post("/totp-enrollment/" + samId, "{}");
        assertEquals(201, started.status(), started.body());
        byte[] key = Totp.base32(Totp.params(started.field("uri")).get("secret"));
        assertEquals(
                200,
                backend.put("/totp-enrollment/validation/" + samId, HeadlessApi.json("code", Totp.now(key)))
                        .status());

        String wrong = Totp.wrong(key);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OidcClient.Response>> answers = new ArrayList<>();
        Map<String, Integer> outcomes = new HashMap<>();
        try {
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", wrong));
                }));
            }
            start.countDown();
            for (Future<OidcClient.Response> f : answers) {
                OidcClient.Response r = f.get();
                assertNotEquals(200, r.status(), r.body());
                assertTrue(r.status() == 401 || r.status() == 403 || r.status() == 429, r.body());
                outcomes.merge(r.field("error"), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(2000); // brute-force failures are recorded asynchronously
        int failures = ((Number) admin.realm(org.name)
                        .attackDetection()
                        .bruteForceUserStatus(samId)
                        .get("numFailures"))
                .intValue();
        System.out.println("HEADLESS-APP: 40 parallel wrong app codes -> " + outcomes
                + ", brute-force failures counted " + failures);
        int checked = outcomes.getOrDefault("wrong_code", 0);
        assertTrue(checked >= 1 && checked <= 3, "at most 3 codes compared per user per period: " + outcomes);
        assertEquals(
                40,
                checked
                        + outcomes.getOrDefault("too_many_attempts", 0)
                        + outcomes.getOrDefault("user_temporarily_disabled", 0),
                outcomes.toString());
        assertTrue(failures <= 3, "only compared codes count as failures: " + failures);
        if (checked == 3) {
            // The burst spent the period's checks: the right code is not compared either (as on app-otp-form).
            OidcClient.Response late =
                    backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", Totp.next(key)));
            assertTrue(late.status() == 429 || late.status() == 403, late.body());
        }
    }

    /** An organization realm offering {@code methods} (null: the template's {@code sms,app}). */
    private SmsOrgRealm appOrg(String name, String methods) {
        SmsOrgRealm org = org(name);
        RealmRepresentation rep = admin.realm(org.name).toRepresentation();
        if (methods != null) {
            Map<String, String> attributes =
                    new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
            attributes.put("b2bpack.otp.methods", methods);
            rep.setAttributes(attributes);
        }
        // Keycloak's quick-login check (1 s) would lock a user for a wrong code followed at once by the right one.
        rep.setQuickLoginCheckMilliSeconds(1L);
        admin.realm(org.name).update(rep);
        return org;
    }
}
