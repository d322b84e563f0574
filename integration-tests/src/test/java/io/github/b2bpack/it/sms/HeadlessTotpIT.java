package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakePorts;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 15, headless TOTP (SMS method): enrollment with the texted code, recovery codes shown once, challenge and
 * validation, the authorization code only after a password challenge, recovery logins under the 24 h rule,
 * force_enroll, 40 parallel wrong codes checked against at most the code's 3 attempt slots, and unknown users
 * answered like users without a second factor.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HeadlessTotpIT extends SmsOrgItBase {

    static final String PHONE = "+33612345671";
    static FakeSmsGateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = new FakeSmsGateway(
                FakePorts.SMS_GATEWAY, SmsTestRealm.TWILIO_SID, SmsTestRealm.TWILIO_TOKEN, SmsTestRealm.HTTP_SECRET);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void enrollmentChallengeAndRecoveryEndToEnd() {
        gateway.clear();
        SmsOrgRealm org = smsOrg("Org IT Headless Totp");
        HeadlessApi api = HeadlessApi.setUp(org);
        String samId = org.createUser("sam", null);
        BearerHttp backend = api.backend();

        OidcClient.Response started =
                backend.post("/totp-enrollment/" + samId, HeadlessApi.json("phone_number", PHONE));
        assertEquals(201, started.status(), started.body());
        assertEquals("TotpEnrollment", started.field("__type__"));
        assertEquals("sms", started.field("method"));
        assertNull(started.field("first_verification_code"), "the texted code is never handed to the caller");
        assertNull(started.field("recovery_codes"));
        String enrollCode =
                gateway.awaitMessagesTo(PHONE, 1, Duration.ofSeconds(10)).get(0).code();

        OidcClient.Response wrong =
                backend.put("/totp-enrollment/validation/" + samId, HeadlessApi.json("code", other(enrollCode)));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("wrong_code", wrong.field("error"));
        OidcClient.Response validated =
                backend.put("/totp-enrollment/validation/" + samId, HeadlessApi.json("code", enrollCode));
        assertEquals(200, validated.status(), validated.body());
        String[] recovery = validated.field("recovery_codes").split("\n");
        assertEquals(5, recovery.length);
        assertNotNull(validated.field("validated_enrollment_at"));
        assertEquals("1", validated.field("enrollment_totp_nb"));
        assertEquals(
                1,
                admin.realm(org.name).users().get(samId).credentials().stream()
                        .filter(c -> c.getType().equals("sms-otp"))
                        .count());
        // Changing an enrolled factor takes force_enroll.
        OidcClient.Response again =
                backend.post("/totp-enrollment/" + samId, HeadlessApi.json("phone_number", "+33612345672"));
        assertEquals(409, again.status(), again.body());

        // The password alone gives no code to a user with a second factor.
        String login = HeadlessApi.json("user_email", "sam@org-it.example", "plain_text", SmsOrgRealm.PASSWORD);
        OidcClient.Response password = backend.post("/password-challenge", login);
        assertEquals(201, password.status(), password.body());
        assertNull(password.field("code"));
        assertEquals("true", password.field("totp_required"));
        OidcClient.Response challenge = backend.post("/totp-challenge/" + samId, "{}");
        assertEquals(201, challenge.status(), challenge.body());
        assertEquals("false", challenge.field("success"));
        assertNull(challenge.field("code"));
        String smsCode =
                gateway.awaitMessagesTo(PHONE, 2, Duration.ofSeconds(10)).get(1).code();
        OidcClient.Response passed =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", smsCode));
        assertEquals(200, passed.status(), passed.body());
        assertEquals("true", passed.field("success"));
        assertEquals("false", passed.field("recovery_code_used"));
        OidcClient.Response tokens = api.redeem(HeadlessApi.BACKEND, passed.field("code"));
        assertEquals(200, tokens.status(), tokens.body());
        assertEquals(
                samId,
                HeadlessApi.claims(tokens.field("access_token")).get("sub").asText());
        // The code was consumed; a TOTP pass without a password challenge before it mints nothing.
        OidcClient.Response replay =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", smsCode));
        assertEquals(401, replay.status(), replay.body());
        assertEquals(201, backend.post("/totp-challenge/" + samId, "{}").status());
        String alone =
                gateway.awaitMessagesTo(PHONE, 3, Duration.ofSeconds(10)).get(2).code();
        OidcClient.Response secondFactorOnly =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", alone));
        assertEquals(200, secondFactorOnly.status(), secondFactorOnly.body());
        assertNull(secondFactorOnly.field("code"));

        // A recovery code stands in for the SMS once per 24 h and asks for a new enrollment.
        assertEquals(201, backend.post("/password-challenge", login).status());
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
                .contains("CONFIGURE_SMS_OTP"));
        OidcClient.Response secondRecovery =
                backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", recovery[1]));
        assertEquals(429, secondRecovery.status(), secondRecovery.body());
        assertEquals("recovery_limit_reached", secondRecovery.field("error"));
        // After a recovery login the user may enroll again without force_enroll.
        assertEquals(
                201,
                backend.post("/totp-enrollment/" + samId, HeadlessApi.json("phone_number", "+33612345672"))
                        .status());

        // force_enroll: the factor and the codes are gone until the new number is validated.
        OidcClient.Response forced = backend.post(
                "/totp-enrollment/" + samId, HeadlessApi.json("phone_number", PHONE, "force_enroll", "true"));
        assertEquals(201, forced.status(), forced.body());
        assertEquals("0", forced.field("enrollment_totp_nb"));
        assertEquals(
                0,
                admin.realm(org.name).users().get(samId).credentials().stream()
                        .filter(c -> c.getType().startsWith("sms-"))
                        .count());
    }

    @Test
    void fortyParallelWrongCodesUseAtMostTheCodesThreeTries() throws Exception {
        gateway.clear();
        SmsOrgRealm org = smsOrg("Org IT Headless Parallel");
        HeadlessApi api = HeadlessApi.setUp(org);
        String samId = org.createUser("sam", PHONE);
        org.createUser("nora", null);
        BearerHttp backend = api.backend();

        assertEquals(201, backend.post("/totp-challenge/" + samId, "{}").status());
        String right =
                gateway.awaitMessagesTo(PHONE, 1, Duration.ofSeconds(10)).get(0).code();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<OidcClient.Response>> answers = new ArrayList<>();
        Map<String, Integer> outcomes = new HashMap<>();
        try {
            for (int i = 0; i < 40; i++) {
                String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
                answers.add(pool.submit(
                        () -> backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", guess))));
            }
            for (Future<OidcClient.Response> f : answers) {
                OidcClient.Response r = f.get();
                assertNotEquals(200, r.status(), r.body());
                assertTrue(r.status() == 401 || r.status() == 403, r.body());
                outcomes.merge(r.field("error"), 1, Integer::sum);
            }
            // At most 3 entries are compared with the code: slots 1 and 2 say wrong_code, slot 3 voids it; every other
            // entry found no slot (code_voided) or a lock (user_temporarily_disabled).
            assertTrue(outcomes.getOrDefault("wrong_code", 0) <= 2, outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        // Keycloak 26's brute-force protector also refuses a user's parallel logins while one is in flight (403), so
        // fewer than 3 entries may have reached the code: then, and only then, the right code still works.
        OidcClient.Response late = backend.put("/totp-challenge/validation/" + samId, HeadlessApi.json("code", right));
        if (late.status() == 200) {
            assertEquals(
                    0,
                    outcomes.getOrDefault("code_voided", 0),
                    "the right code passed after the code was voided: " + outcomes);
        } else {
            assertTrue(late.status() == 401 || late.status() == 403, late.body());
        }
        assertEquals(1, gateway.messagesTo(PHONE).size(), "one SMS");
        Object failures = admin.realm(org.name)
                .attackDetection()
                .bruteForceUserStatus(samId)
                .get("numFailures");
        assertTrue(((Number) failures).intValue() <= 40, "failures " + failures);

        // Unknown user, user without a second factor: one answer.
        String noraId = admin.realm(org.name).users().search("nora").get(0).getId();
        OidcClient.Response unknown = backend.post("/totp-challenge/00000000-0000-0000-0000-000000000000", "{}");
        OidcClient.Response notEnrolled = backend.post("/totp-challenge/" + noraId, "{}");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(unknown.body(), notEnrolled.body());
        assertEquals(
                400, backend.put("/totp-challenge/validation/" + samId, "{}").status());
    }

    /** An organization realm with the http SMS sender, no resend cooldown and room in the per-user budget. */
    private SmsOrgRealm smsOrg(String name) {
        SmsOrgRealm org = org(name);
        org.useHttpSender();
        AuthenticationManagementResource flows = admin.realm(org.name).flows();
        String browser = admin.realm(org.name).toRepresentation().getBrowserFlow();
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(
                org.execution(browser, "sms-otp-form").getAuthenticationConfig());
        Map<String, String> values = new HashMap<>(config.getConfig());
        values.put("resendCooldownSeconds", "0");
        values.put("maxSendsPerUserPerHour", "20");
        config.setConfig(values);
        flows.updateAuthenticatorConfig(config.getId(), config);
        // Keycloak's quick-login check (1 s) would lock a user for a wrong code followed at once by the right one.
        RealmRepresentation rep = admin.realm(org.name).toRepresentation();
        rep.setQuickLoginCheckMilliSeconds(1L);
        admin.realm(org.name).update(rep);
        return org;
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
