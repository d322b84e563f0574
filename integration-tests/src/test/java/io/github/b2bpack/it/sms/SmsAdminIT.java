package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.assertTextContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The re-enrollment cap, the admin REST resource {@code /admin/realms/{realm}/sms-otp} (force-enroll,
 * delete, 401/403/404) and a misconfigured realm, against a real Keycloak.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsAdminIT extends SmsItBase {

    private SmsTestRealm realm(String name, Map<String, String> config) {
        return realm(name, config, 0);
    }

    @Test
    void selfReenrollmentIsCappedAndAdminForceEnrollResetsIt() {
        SmsTestRealm realm = realm(
                "sms-cap-admin",
                Map.of("sender", "http", "resendCooldownSeconds", "0", "maxSendsPerUserPerHour", "100"));
        SmsFlows.enrollOnFirstLogin(browser, gateway, realm, "+33612345610");
        // Five self re-enrollments (account-console style, kc_action) are allowed...
        for (int i = 1; i <= 5; i++) {
            browser.startEnrollmentAction(realm);
            SmsFlows.enrollOnPhonePage(browser, gateway, "+3361234561" + i);
        }
        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        assertEquals(6, api.get(realm.userId).json().get("enrollmentCount"));
        // ...the sixth is refused.
        browser.startEnrollmentAction(realm);
        assertTextContains(browser, "too many times");
        assertFalse(browser.has("phone"));

        // Admin force-enroll: factor removed, cap reset, enrollment required.
        SmsAdminApi.Reply forced = api.forceEnroll(realm.userId);
        assertEquals(204, forced.status(), forced.body());
        Map<String, Object> state = api.get(realm.userId).json();
        assertEquals(Boolean.FALSE, state.get("enrolled"));
        assertEquals(0, state.get("enrollmentCount"));
        assertEquals(0, state.get("recoveryCodesLeft"));
        assertEquals(Boolean.TRUE, state.get("enrollmentRequired"));
        // The next login enrolls again.
        SmsFlows.enrollOnFirstLogin(browser, gateway, realm, "+33612345619");
        state = api.get(realm.userId).json();
        assertEquals(Boolean.TRUE, state.get("enrolled"));
        assertEquals("+33*******19", state.get("maskedPhone"));
        assertEquals(1, state.get("enrollmentCount"));
        assertEquals(5, state.get("recoveryCodesLeft"));

        // Delete removes the factor; the user then logs in with the password alone.
        assertEquals(204, api.delete(realm.userId).status());
        state = api.get(realm.userId).json();
        assertEquals(Boolean.FALSE, state.get("enrolled"));
        assertEquals(Boolean.FALSE, state.get("enrollmentRequired"));
        assertTrue(admin.realm(realm.name).users().get(realm.userId).credentials().stream()
                .noneMatch(c -> c.getType().startsWith("sms-")));
    }

    @Test
    void adminResourceRefusesAnonymousAndUnprivilegedCallersAndUnknownUsers() {
        SmsTestRealm realm = realm("sms-rest", Map.of("sender", "http"));
        SmsAdminApi api = new SmsAdminApi(admin, realm.name);

        assertEquals(401, api.call("GET", realm.userId, null).status());
        assertEquals(
                401,
                api.call("POST", realm.userId + "/force-enroll", "not-a-token").status());

        // A realm user with view-users only: 403 on every operation.
        UserRepresentation viewer =
                Fixtures.userWithPassword("viewer", "viewer@example.com", "View", "Er", "Viewer-Password-42");
        String viewerId = Users.create(admin, realm.name, viewer);
        Users.grantClientRoles(admin, realm.name, viewerId, "realm-management", "view-users");
        String viewerToken = Users.adminCliToken(realm.name, "viewer", "Viewer-Password-42");
        assertEquals(403, api.call("GET", realm.userId, viewerToken).status());
        assertEquals(
                403,
                api.call("POST", realm.userId + "/force-enroll", viewerToken).status());
        assertEquals(403, api.call("DELETE", realm.userId, viewerToken).status());

        SmsAdminApi.Reply missing = api.get("00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.status());
        assertEquals("user_not_found", missing.json().get("error"));
        assertEquals(404, api.get("x".repeat(300)).status());
        assertEquals(404, api.forceEnroll("nobody").status());

        Map<String, Object> state = api.get(realm.userId).json();
        assertEquals(Boolean.FALSE, state.get("enrolled"));
        assertEquals(Boolean.TRUE, state.get("enrollmentRequired"));

        // The enrollment page speaks French and German from the module's bundles.
        browser.startLogin(realm, "&ui_locales=fr");
        assertTextContains(browser, "Configurer la vérification par SMS");
        assertTextContains(browser, "Numéro de mobile");
        browser.open(browser.currentUrl() + "&kc_locale=de");
        assertTextContains(browser, "SMS-Bestätigung einrichten");
        assertTextContains(browser, "Mobilnummer");
    }

    /**
     * The one real expiry check (the rules are unit-tested with a test clock: CodeVerifierTest). The code
     * lives 30 s, the shortest lifetime a realm can configure: a shorter one is refused (see
     * {@link #outOfRangeConfigurationIsRefusedWithAClearPageAndLogLine}), and shifting the server clock
     * needs the test framework's "testing" provider in providers/ (not in 26.7's core; DeploymentIT keeps
     * that folder to the pack's jars), which would also move every other expiry in the shared server. So
     * the test waits until just past those 30 s, counted from when the gateway had the code, which is
     * after the server stamped it. A wrong entry first shows that the code was live: a server that called
     * every code expired would pass without it.
     */
    @Test
    void expiredCodeIsRefused() throws InterruptedException {
        Duration ttl = Duration.ofSeconds(30);
        SmsTestRealm realm =
                realm("sms-expiry", Map.of("sender", "http", "codeTtlSeconds", Long.toString(ttl.toSeconds())));
        String number = "+33612345620";
        browser.startLogin(realm);
        browser.submitPhone(number);
        String code = gateway.awaitMessagesTo(number, 1, SmsFlows.WAIT).get(0).code();
        // Half a second of margin between the server's wall clock and this monotonic one.
        long expired = System.nanoTime() + ttl.plusMillis(500).toNanos();

        browser.submitCode(SmsFlows.wrongCode(code));
        assertTextContains(browser, "Wrong code. Try again.");
        TimeUnit.NANOSECONDS.sleep(Math.max(0, expired - System.nanoTime()));
        browser.submitCode(code);
        assertTextContains(browser, "This code has expired");
        assertTrue(admin.realm(realm.name).users().get(realm.userId).credentials().stream()
                .noneMatch(c -> c.getType().equals("sms-otp")));
    }

    @Test
    void outOfRangeConfigurationIsRefusedWithAClearPageAndLogLine() throws IOException {
        SmsTestRealm realm = realm("sms-misconfigured", Map.of("sender", "http", "codeTtlSeconds", "10"));
        browser.startLogin(realm);
        assertTextContains(browser, "SMS verification is not available");
        assertFalse(browser.has("phone"));
        assertTrue(gateway.messages().isEmpty());
        String log = ServerLog.read();
        assertTrue(
                log.contains(
                        "realm sms-misconfigured: invalid sms-otp-form configuration: codeTtlSeconds must be between 30 and 900"));
    }
}
