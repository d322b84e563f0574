package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.ServerMetrics;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.RecordedRequest;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.page.RegisterPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The {@code hibp} password policy in the running server, against the fake range API: admin
 * reset, registration and update-password in Chromium, threshold, padding, outages, metrics.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HibpPolicyIT extends HibpItBase {

    private static final String REALM = "hibp-policy";

    @InjectPage
    RegisterPage registerPage;

    @BeforeEach
    void createRealm() {
        admin.realms().create(Fixtures.registrationRealm(REALM, "hibp(3)"));
        HibpRealms.createClient(admin, REALM, HibpRealms.CLIENT);
    }

    @AfterEach
    void dropRealm() {
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.NONE);
        admin.realm(REALM).remove();
    }

    private static String password(String label) {
        String password = HibpRealms.freshPassword(label);
        USED_PASSWORDS.add(password);
        return password;
    }

    private void resetPassword(String userId, String password) {
        CredentialRepresentation credential = Fixtures.password(password);
        admin.realm(REALM).users().get(userId).resetPassword(credential);
    }

    @Test
    void adminResetRefusesPasswordsAtOrAboveTheThresholdAndSendsOnlyThePrefix() {
        String userId = HibpRealms.createUser(admin, REALM, "bob", null);
        String pwned = password("pwned");
        String belowThreshold = password("seen-twice");
        String padded = password("padded");
        String clean = password("clean");
        fake.addPassword(pwned, 3).addPassword(belowThreshold, 2).addPassword(padded, 0);

        BadRequestException refused = assertThrows(BadRequestException.class, () -> resetPassword(userId, pwned));
        String body = refused.getResponse().readEntity(String.class);
        assertTrue(body.contains("b2bpackPasswordBreached"), body);
        assertTrue(!body.contains(pwned), "the error must not echo the password");

        resetPassword(userId, belowThreshold);
        resetPassword(userId, padded);
        resetPassword(userId, clean);

        List<RecordedRequest> requests = fake.requests();
        assertEquals(4, requests.size());
        for (RecordedRequest request : requests) {
            assertTrue(request.path().matches("/range/[0-9A-F]{5}"), request.path());
            assertEquals(null, request.query());
            assertEquals("true", request.header("Add-Padding"));
        }
        assertEquals(
                "/range/" + FakeHibpRangeApi.sha1Hex(pwned).substring(0, 5),
                requests.get(0).path());
    }

    @Test
    void thresholdBelowOneIsAConfigurationError() {
        RealmRepresentation realm = admin.realm(REALM).toRepresentation();
        for (String policy : List.of("hibp(0)", "hibp(-1)", "hibp(lots)")) {
            realm.setPasswordPolicy(policy);
            BadRequestException e = assertThrows(
                    BadRequestException.class, () -> admin.realm(REALM).update(realm), policy);
            assertEquals(400, e.getResponse().getStatus());
        }
        realm.setPasswordPolicy("hibp"); // no value: the default threshold 1
        admin.realm(REALM).update(realm);
        assertEquals("hibp", admin.realm(REALM).toRepresentation().getPasswordPolicy());
    }

    @Test
    void misbehavingApiNeverBlocksLongerThanTheBudgetAndFailsOpen() {
        String userId = HibpRealms.createUser(admin, REALM, "carol", null);
        for (FakeHibpRangeApi.Misbehaviour misbehaviour : List.of(
                FakeHibpRangeApi.Misbehaviour.SERVER_ERROR,
                FakeHibpRangeApi.Misbehaviour.HANG,
                FakeHibpRangeApi.Misbehaviour.GARBAGE,
                FakeHibpRangeApi.Misbehaviour.HUGE_BODY)) {
            fake.misbehave(misbehaviour);
            String password = password("outage");
            fake.addPassword(password, 50); // listed, but the fake will not say so
            long started = System.nanoTime();
            resetPassword(userId, password); // failure mode open: accepted, no 500
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < BUDGET_MILLIS + 1500, misbehaviour + " took " + millis + " ms");
        }
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.NONE);
        String pwned = password("after-outage");
        fake.addPassword(pwned, 10);
        assertThrows(BadRequestException.class, () -> resetPassword(userId, pwned));
    }

    @Test
    void registrationInChromiumRefusesABreachedPasswordAndAcceptsACleanOne() {
        String pwned = password("Register-pwned");
        String clean = password("Register-clean");
        fake.addPassword(pwned, 1000);
        OidcClient oidc = new OidcClient(Fixtures.realmUrl(REALM));
        String registration = oidc.authorizationUrl(HibpRealms.CLIENT, Fixtures.redirectUri(REALM))
                .replace("/protocol/openid-connect/auth", "/protocol/openid-connect/registrations");
        driver.open(registration + "&ui_locales=de");
        registerPage.register("Dana", "Reyes", "dana@example.com", "dana", pwned, pwned);
        driver.waiting().until(d -> d.getPageSource().contains("in bekannten Datenlecks aufgetaucht"));
        assertTrue(admin.realm(REALM).users().search("dana").isEmpty());

        driver.open(registration + "&ui_locales=en");
        registerPage.register("Dana", "Reyes", "dana@example.com", "dana", pwned, pwned);
        driver.waiting().until(d -> d.getPageSource().contains("appeared in known data breaches"));
        assertTrue(!pageSource(driver).contains(pwned), "the page must not echo the password");

        registerPage.register("Dana", "Reyes", "dana@example.com", "dana", clean, clean);
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        assertEquals(1, admin.realm(REALM).users().search("dana").size());
    }

    @Test
    void updatePasswordInChromiumRefusesABreachedPasswordAndAcceptsACleanOne() {
        String initial = password("Initial");
        String pwned = password("Update-pwned");
        String clean = password("Update-clean");
        fake.addPassword(pwned, 7);
        HibpRealms.createUser(admin, REALM, "erin", initial, "UPDATE_PASSWORD");
        signIn(REALM, HibpRealms.CLIENT, "erin", initial);
        driver.waiting().waitForPage(updatePasswordPage);

        updatePasswordPage.changePassword(pwned, pwned);
        driver.waiting().until(d -> d.getPageSource().contains("appeared in known data breaches"));
        assertTrue(!driver.getCurrentUrl().contains("code="));

        updatePasswordPage.changePassword(clean, clean);
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        OidcClient oidc = new OidcClient(Fixtures.realmUrl(REALM));
        assertEquals(200, oidc.passwordGrant(HibpRealms.CLIENT, "erin", clean).status());
    }

    private static String pageSource(ManagedWebDriver driver) {
        return driver.driver().getPageSource();
    }

    @Test
    void metricsEndpointCountsChecksHitsAndUpstreamErrors() {
        String userId = HibpRealms.createUser(admin, REALM, "frank", null);
        String pwned = password("metrics");
        fake.addPassword(pwned, 5);
        Map<String, Double> before = hibpMeters();

        assertThrows(BadRequestException.class, () -> resetPassword(userId, pwned)); // range API call
        assertThrows(BadRequestException.class, () -> resetPassword(userId, pwned)); // same prefix: cache
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.SERVER_ERROR);
        resetPassword(userId, password("metrics-outage")); // fresh prefix, upstream 500: fails open
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.NONE);

        Map<String, Double> after = hibpMeters();
        Map<String, Double> increments = new TreeMap<>();
        after.forEach((meter, value) -> increments.put(meter, value - before.getOrDefault(meter, 0.0)));
        assertEquals(
                new TreeMap<>(Map.of(
                        "b2bpack_hibp_checks_total", 3.0,
                        "b2bpack_hibp_hits_total", 2.0,
                        "b2bpack_hibp_cache_hits_total", 1.0,
                        "b2bpack_hibp_upstream_errors_total", 1.0,
                        "b2bpack_hibp_upstream_latency_seconds_count", 2.0)),
                increments);
        assertEquals(2, fake.requests().size(), "one range call per prefix, none for the cached one");
    }

    /** The meters this test reads, summed over their tag sets, from the Prometheus text of /metrics. */
    private static Map<String, Double> hibpMeters() {
        String metrics = ServerMetrics.text();
        Map<String, Double> values = new TreeMap<>();
        for (String meter : List.of(
                "b2bpack_hibp_checks_total",
                "b2bpack_hibp_hits_total",
                "b2bpack_hibp_cache_hits_total",
                "b2bpack_hibp_upstream_errors_total",
                "b2bpack_hibp_upstream_latency_seconds_count")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(meter)), meter + " missing from /metrics");
            values.put(meter, ServerMetrics.sum(metrics, meter));
        }
        return values;
    }
}
