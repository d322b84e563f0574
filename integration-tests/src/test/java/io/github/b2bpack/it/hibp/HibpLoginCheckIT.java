package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;

/**
 * The {@code breached-password-check} authenticator after the password step of a browser flow and
 * of direct-grant flows, against the fake range API.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HibpLoginCheckIT extends HibpItBase {

    private static final String REALM = "hibp-login";
    private static final String RECORD_CLIENT = "record-app";

    private OidcClient oidc;

    @BeforeEach
    void createRealmWithCheckedFlows() {
        RealmRepresentation realm = Fixtures.enabledRealm(REALM);
        realm.setEventsEnabled(true);
        realm.setEnabledEventTypes(List.of("CUSTOM_REQUIRED_ACTION", "LOGIN", "LOGIN_ERROR", "UPDATE_PASSWORD"));
        admin.realms().create(realm);
        AuthenticationManagementResource flows = admin.realm(REALM).flows();

        // Browser: cookie, or username/password followed by the breach check.
        createFlow(flows, "browser-hibp", "basic-flow");
        addExecution(flows, "browser-hibp", "auth-cookie");
        Map<String, Object> forms = new HashMap<>();
        forms.put("alias", "browser-hibp forms");
        forms.put("type", "basic-flow");
        flows.addExecutionFlow("browser-hibp", forms);
        addExecution(flows, "browser-hibp forms", "auth-username-password-form");
        addExecution(flows, "browser-hibp forms", "breached-password-check");
        setRequirements(
                flows, "browser-hibp", Map.of("auth-cookie", "ALTERNATIVE", "browser-hibp forms", "ALTERNATIVE"));
        setRequirements(
                flows,
                "browser-hibp forms",
                Map.of("auth-username-password-form", "REQUIRED", "breached-password-check", "REQUIRED"));

        // Direct grant that refuses a breached password (the default), and one that only records it
        // and refuses logins when HIBP is unavailable (failure mode closed).
        directGrantFlow(flows, "direct-grant-hibp", Map.of());
        directGrantFlow(
                flows, "direct-grant-hibp-record", Map.of("directGrantAction", "record", "failureMode", "closed"));

        RealmRepresentation update = admin.realm(REALM).toRepresentation();
        update.setBrowserFlow("browser-hibp");
        update.setDirectGrantFlow("direct-grant-hibp");
        admin.realm(REALM).update(update);

        HibpRealms.createClient(admin, REALM, HibpRealms.CLIENT);
        HibpRealms.createClient(admin, REALM, RECORD_CLIENT);
        String recordFlowId = flows.getFlows().stream()
                .filter(f -> f.getAlias().equals("direct-grant-hibp-record"))
                .findFirst()
                .orElseThrow()
                .getId();
        ClientRepresentation recordClient =
                admin.realm(REALM).clients().findByClientId(RECORD_CLIENT).get(0);
        recordClient.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", recordFlowId));
        admin.realm(REALM).clients().get(recordClient.getId()).update(recordClient);

        oidc = new OidcClient(Fixtures.realmUrl(REALM));
    }

    @AfterEach
    void dropRealm() {
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.NONE);
        admin.realm(REALM).remove();
    }

    private static void createFlow(AuthenticationManagementResource flows, String alias, String type) {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(alias);
        flow.setProviderId(type);
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        try (Response created = flows.createFlow(flow)) {
            assertEquals(201, created.getStatus());
        }
    }

    private static void addExecution(AuthenticationManagementResource flows, String flowAlias, String provider) {
        flows.addExecution(flowAlias, Map.of("provider", provider));
    }

    private static void setRequirements(
            AuthenticationManagementResource flows, String flowAlias, Map<String, String> requirements) {
        for (AuthenticationExecutionInfoRepresentation execution : flows.getExecutions(flowAlias)) {
            String key = execution.getProviderId() != null && requirements.containsKey(execution.getProviderId())
                    ? execution.getProviderId()
                    : execution.getDisplayName();
            if (requirements.containsKey(key) && execution.getLevel() == 0) {
                execution.setRequirement(requirements.get(key));
                flows.updateExecutions(flowAlias, execution);
            }
        }
    }

    private static void directGrantFlow(
            AuthenticationManagementResource flows, String alias, Map<String, String> checkConfig) {
        createFlow(flows, alias, "basic-flow");
        addExecution(flows, alias, "direct-grant-validate-username");
        addExecution(flows, alias, "direct-grant-validate-password");
        addExecution(flows, alias, "breached-password-check");
        setRequirements(
                flows,
                alias,
                Map.of(
                        "direct-grant-validate-username",
                        "REQUIRED",
                        "direct-grant-validate-password",
                        "REQUIRED",
                        "breached-password-check",
                        "REQUIRED"));
        if (!checkConfig.isEmpty()) {
            String executionId = flows.getExecutions(alias).stream()
                    .filter(e -> "breached-password-check".equals(e.getProviderId()))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
            config.setAlias(alias + "-config");
            config.setConfig(checkConfig);
            try (Response created = flows.newExecutionConfig(executionId, config)) {
                assertEquals(201, created.getStatus());
                CreatedResponseUtil.getCreatedId(created);
            }
        }
    }

    private static String password(String label) {
        String password = HibpRealms.freshPassword(label);
        USED_PASSWORDS.add(password);
        return password;
    }

    private List<EventRepresentation> breachEvents() {
        return admin
                .realm(REALM)
                .getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, null, null, null, null, 0, 100)
                .stream()
                .filter(e -> e.getDetails() != null
                        && "hibp.breached_password".equals(e.getDetails().get("b2bpack_event")))
                .toList();
    }

    @Test
    void browserLoginWithABreachedPasswordExplainsAndLeadsToUpdatePassword() {
        String pwned = password("Login-pwned");
        String clean = password("Login-clean");
        fake.addPassword(pwned, 12);
        String userId = HibpRealms.createUser(admin, REALM, "gina", pwned);

        signIn(REALM, HibpRealms.CLIENT, "gina", pwned);
        driver.waiting()
                .until(d -> !d.findElements(By.id("b2bpack-breached-password-message"))
                        .isEmpty());
        assertTrue(driver.findElement(By.id("b2bpack-breached-password-message"))
                .getText()
                .contains("known data breach"));
        assertTrue(admin.realm(REALM)
                .users()
                .get(userId)
                .toRepresentation()
                .getRequiredActions()
                .contains("UPDATE_PASSWORD"));

        driver.findElement(By.id("b2bpack-breached-password-continue")).click();
        driver.waiting().waitForPage(updatePasswordPage);
        updatePasswordPage.changePassword(clean, clean);
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));

        List<EventRepresentation> events = breachEvents();
        assertEquals(1, events.size());
        assertEquals("update_password", events.get(0).getDetails().get("hibp_action"));
        assertEquals(userId, events.get(0).getUserId());
        assertFalse(events.get(0).getDetails().values().stream().anyMatch(v -> v.contains(pwned)));
    }

    @Test
    void browserLoginWithACleanPasswordIsUntouched() {
        String clean = password("Browser-clean");
        HibpRealms.createUser(admin, REALM, "hank", clean);
        signIn(REALM, HibpRealms.CLIENT, "hank", clean);
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        assertTrue(breachEvents().isEmpty());
    }

    @Test
    void directGrantRefusesOrRecordsABreachedPassword() {
        String pwned = password("Grant-pwned");
        String clean = password("Grant-clean");
        fake.addPassword(pwned, 3);
        HibpRealms.createUser(admin, REALM, "ivan", pwned);
        HibpRealms.createUser(admin, REALM, "jane", clean);

        OidcClient.Response refused = oidc.passwordGrant(HibpRealms.CLIENT, "ivan", pwned);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.field("error"));
        assertTrue(refused.field("error_description").contains("data breach"), refused.body());
        assertFalse(refused.body().contains(pwned));

        assertEquals(200, oidc.passwordGrant(HibpRealms.CLIENT, "jane", clean).status());

        OidcClient.Response recorded = oidc.passwordGrant(RECORD_CLIENT, "ivan", pwned);
        assertEquals(200, recorded.status(), recorded.body());

        List<String> actions = breachEvents().stream()
                .map(e -> e.getDetails().get("hibp_action"))
                .sorted()
                .toList();
        assertEquals(List.of("recorded", "refused"), actions);
        List<EventRepresentation> loginErrors =
                admin.realm(REALM).getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 100);
        assertTrue(
                loginErrors.stream()
                        .anyMatch(e -> "password_breached".equals(e.getError())
                                && e.getDetails() != null
                                && "hibp.breached_password"
                                        .equals(e.getDetails().get("b2bpack_event"))),
                "the refused grant is a LOGIN_ERROR with the detail");
    }

    @Test
    void unavailableHibpBoundsTheLoginAndTheFailureModeDecides() {
        String password = password("Outage");
        HibpRealms.createUser(admin, REALM, "kate", password);
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.HANG);

        long started = System.nanoTime();
        OidcClient.Response open = oidc.passwordGrant(HibpRealms.CLIENT, "kate", password);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, open.status(), open.body());
        assertTrue(openMillis < BUDGET_MILLIS + 2000, "open took " + openMillis + " ms");

        fake.misbehave(FakeHibpRangeApi.Misbehaviour.SERVER_ERROR);
        started = System.nanoTime();
        OidcClient.Response closed = oidc.passwordGrant(RECORD_CLIENT, "kate", password);
        long closedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, closed.status(), closed.body());
        assertEquals("temporarily_unavailable", closed.field("error"));
        assertTrue(closedMillis < BUDGET_MILLIS + 2000, "closed took " + closedMillis + " ms");
        assertTrue(
                admin.realm(REALM).getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 100).stream()
                        .anyMatch(e -> "breach_check_unavailable".equals(e.getError())),
                "closed-mode refusal is a LOGIN_ERROR");
    }
}
