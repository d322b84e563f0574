package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.HttpLoginSession;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import jakarta.ws.rs.BadRequestException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The organization connections API ({@code password-connection}, {@code totp-connection},
 * {@code magic-link-connection}): each reads back what the realm holds, and each change is what the realm enforces at
 * the next login (plain HTTP logins through Keycloak's pages) or password change; refused input changes nothing; the
 * authorization is Keycloak's realm permissions of the organization's realm.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgConnectionsIT extends OrgItBase {

    private static final String CLIENT = "it-web";
    private static final String FORMS = "b2bpack browser forms";
    private static final String METHODS_ATTRIBUTE = "b2bpack.otp.methods";
    private static final String MAGIC_LINK = "b2bpack-magic-link";

    @Test
    void passwordConnectionIsTheRealmsPolicyAndPasswordStep() {
        String slug = organization("Org IT Conn Password", "conn-pw-it.example");
        JsonNode initial = http.get("/" + slug + "/password-connection").json();
        assertEquals("PasswordConnection", initial.get("__type__").asText());
        assertEquals(slug, initial.get("__domain__").asText());
        assertEquals("production", initial.get("__environment__").asText());
        assertTrue(initial.get("active").asBoolean());
        assertEquals(12, initial.get("plain_text_min_length").asInt());
        assertTrue(initial.get("plain_text_max_length").isNull());
        assertTrue(initial.get("pepper_rotation_period").isNull());
        assertEquals(3, initial.get("zxcvbn_min_score").asInt());
        assertEquals(1, initial.get("hibp_threshold").asInt());

        // null removes an entry; the answer is what the realm's policy now says.
        OidcClient.Response relaxed =
                http.put("/" + slug + "/password-connection", "{\"zxcvbn_min_score\":null,\"hibp_threshold\":null}");
        assertEquals(200, relaxed.status(), relaxed.body());
        assertEquals("hashAlgorithm(argon2-native) and length(12)", policy(slug));

        String user = OrgFixtures.createUser(admin, slug, "pat", "pat@conn-pw-it.example");
        assertTrue(new HttpLoginSession()
                .login(slug, CLIENT, "pat", OrgFixtures.PASSWORD)
                .loggedIn());
        resetPassword(slug, user, "fourteen-chars"); // 14 characters: accepted under length(12)

        // Cryptr's POST with its form encoding: minimum 16, maximum 20.
        OidcClient.Response created =
                form("POST", "/" + slug + "/password-connection", "plain_text_min_length=16&plain_text_max_length=20");
        assertEquals(201, created.status(), created.body());
        assertEquals(16, created.json().get("plain_text_min_length").asInt());
        assertEquals(20, created.json().get("plain_text_max_length").asInt());
        assertEquals("hashAlgorithm(argon2-native) and length(16) and maxLength(20)", policy(slug));
        assertThrows(BadRequestException.class, () -> resetPassword(slug, user, "fourteen-chars"));
        assertThrows(BadRequestException.class, () -> resetPassword(slug, user, "twenty-one-characters"));
        resetPassword(slug, user, "eighteen-characters".substring(0, 18));

        // Bad values: 400 with the reason, and the realm keeps its policy.
        for (String bad : List.of(
                "{\"plain_text_min_length\":0}",
                "{\"plain_text_min_length\":21}",
                "{\"plain_text_max_length\":100000}",
                "{\"zxcvbn_min_score\":7}",
                "{\"hibp_threshold\":-1}",
                "{\"active\":\"maybe\"}",
                "{\"pepper_rotation_period\":86400}",
                "{\"plain_text_min_length\":8,\"unknown\":1}",
                "not json at all",
                "[]")) {
            OidcClient.Response refused = http.put("/" + slug + "/password-connection", bad);
            assertEquals(400, refused.status(), bad + " -> " + refused.body());
            assertTrue(refused.json().has("error"), refused.body());
        }
        assertEquals("hashAlgorithm(argon2-native) and length(16) and maxLength(20)", policy(slug));

        // active=false switches the password step off: the next login has no password form and no code.
        OidcClient.Response off = http.put("/" + slug + "/password-connection", "{\"active\":false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().get("active").asBoolean());
        assertEquals("DISABLED", requirement(slug, FORMS, "auth-username-password-form"));
        HttpLoginSession refusedLogin = new HttpLoginSession().open(slug, CLIENT);
        assertFalse(refusedLogin.hasField("password"), refusedLogin.page());
        assertFalse(refusedLogin.loggedIn());
        assertFalse(http.get("/" + slug + "/password-connection")
                .json()
                .get("active")
                .asBoolean());

        OidcClient.Response on = http.put("/" + slug + "/password-connection", "active=true");
        assertEquals(200, on.status(), on.body());
        assertEquals("REQUIRED", requirement(slug, FORMS, "auth-username-password-form"));
        assertTrue(new HttpLoginSession()
                .login(slug, CLIENT, "pat", "eighteen-characters".substring(0, 18))
                .loggedIn());
        // The sandbox is another realm: untouched by the production's changes.
        OidcClient.Response sandbox = http.get("/" + slug + "/password-connection?environment=sandbox");
        assertTrue(sandbox.status() == 200 || sandbox.status() == 404, sandbox.body());
        assertEquals(
                400,
                http.get("/" + slug + "/password-connection?environment=staging")
                        .status());
    }

    @Test
    void totpConnectionIsTheRealmsSecondFactorSubFlowAndMethodAttribute() {
        String slug = organization("Org IT Conn Totp", "conn-totp-it.example");
        JsonNode initial = http.get("/" + slug + "/totp-connection").json();
        assertTrue(initial.get("active").asBoolean(), initial.toString());
        String attribute =
                admin.realm(slug).toRepresentation().getAttributesOrEmpty().get(METHODS_ATTRIBUTE);
        assertEquals(
                attribute == null || attribute.equals("sms")
                        ? "sms"
                        : attribute.equals("app") ? "totp_mobile_app" : "sms_or_totp_mobile_app",
                initial.get("method").asText(),
                "the method is the realm attribute " + METHODS_ATTRIBUTE + " (absent means sms)");
        assertEquals(600, initial.get("sms_expiry_in_seconds").asInt());
        assertEquals(30, initial.get("totp_mobile_app_expiry_in_seconds").asInt());
        totpUser(slug, "otto", "conn-totp-it.example");
        assertAsksForAppCode(slug, true);

        // The app, period 60: the realm's attribute and OTP policy say so.
        OidcClient.Response app =
                http.put("/" + slug + "/totp-connection", "{\"method\":\"totp_mobile_app\",\"expiry_in_seconds\":60}");
        assertEquals(200, app.status(), app.body());
        assertEquals("totp_mobile_app", app.json().get("method").asText());
        assertEquals(60, app.json().get("expiry_in_seconds").asInt());
        assertEquals(
                "app",
                admin.realm(slug).toRepresentation().getAttributesOrEmpty().get(METHODS_ATTRIBUTE));
        assertEquals(60, admin.realm(slug).toRepresentation().getOtpPolicyPeriod());

        // SMS, codes of 300 s, with Cryptr's form fields: sms-otp-form's configuration says so.
        OidcClient.Response sms = form("PUT", "/" + slug + "/totp-connection", "method=sms&expiry_in_seconds=300");
        assertEquals(200, sms.status(), sms.body());
        assertEquals("sms", sms.json().get("method").asText());
        assertEquals(300, sms.json().get("expiry_in_seconds").asInt());
        assertEquals(
                "sms",
                admin.realm(slug).toRepresentation().getAttributesOrEmpty().get(METHODS_ATTRIBUTE));
        assertEquals("300", smsConfig(slug).get("codeTtlSeconds"));
        // The method is what users enroll in: a user keeps signing in with the factor they hold.
        assertAsksForAppCode(slug, true);

        // Refused: nothing changes.
        for (String bad : List.of(
                "{\"method\":\"email\"}",
                "{\"method\":\"sms\",\"expiry_in_seconds\":901}",
                "{\"expiry_in_seconds\":29}",
                "{\"method\":\"sms_or_totp_mobile_app\",\"expiry_in_seconds\":60}",
                "{\"active\":\"no\"}",
                "{\"sms_expiry_in_seconds\":\"ten\"}")) {
            OidcClient.Response refused = http.put("/" + slug + "/totp-connection", bad);
            assertEquals(400, refused.status(), bad + " -> " + refused.body());
        }
        JsonNode unchanged = http.get("/" + slug + "/totp-connection").json();
        assertEquals("sms", unchanged.get("method").asText());
        assertEquals(300, unchanged.get("expiry_in_seconds").asInt());
        assertEquals(60, unchanged.get("totp_mobile_app_expiry_in_seconds").asInt());

        // Inactive: the second-factor sub-flow is DISABLED and the app user signs in with the password alone.
        OidcClient.Response off = http.put("/" + slug + "/totp-connection", "{\"active\":false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().get("active").asBoolean());
        assertEquals("DISABLED", requirement(slug, FORMS, "b2bpack browser - SMS second factor"));
        assertAsksForAppCode(slug, false);
        // Cryptr's POST: active again, the sub-flow CONDITIONAL, the code asked again.
        OidcClient.Response on = http.post("/" + slug + "/totp-connection", "{\"active\":true}");
        assertEquals(201, on.status(), on.body());
        assertTrue(on.json().get("active").asBoolean());
        assertEquals("CONDITIONAL", requirement(slug, FORMS, "b2bpack browser - SMS second factor"));
        assertAsksForAppCode(slug, true);
    }

    /**
     * Attack (review of 2026-12-07): in an identity-first browser flow (username form, then password form), switching
     * the password connection off left the username form alone, and a username signed in. Refused with 409 now,
     * and the flow keeps its password step.
     */
    @Test
    void thePasswordStepCannotLeaveAUsernameFormAlone() {
        String slug = organization("Org IT Conn Identity First", "conn-idf-it.example");
        var flows = admin.realm(slug).flows();
        flows.addExecution(FORMS, Map.of("provider", "auth-username-form"));
        flows.addExecution(FORMS, Map.of("provider", "auth-password-form"));
        for (String provider : List.of("auth-password-form", "auth-username-form")) {
            var execution = flows.getExecutions(FORMS).stream()
                    .filter(e -> provider.equals(e.getProviderId()))
                    .findFirst()
                    .orElseThrow();
            execution.setRequirement("REQUIRED");
            flows.updateExecutions(FORMS, execution);
            // To the top of the forms, the username form last so it ends first.
            for (int i = 0; i < 6; i++) {
                flows.raisePriority(execution.getId());
            }
        }
        var combined = flows.getExecutions(FORMS).stream()
                .filter(e -> "auth-username-password-form".equals(e.getProviderId()))
                .findFirst()
                .orElseThrow();
        combined.setRequirement("DISABLED");
        flows.updateExecutions(FORMS, combined);
        assertTrue(http.get("/" + slug + "/password-connection")
                .json()
                .get("active")
                .asBoolean());

        OidcClient.Response off = http.put("/" + slug + "/password-connection", "{\"active\":false}");
        assertEquals(409, off.status(), off.body());
        assertEquals("no_other_first_factor", off.json().get("error").asText());
        assertEquals("REQUIRED", requirement(slug, FORMS, "auth-password-form"));
        assertTrue(http.get("/" + slug + "/password-connection")
                .json()
                .get("active")
                .asBoolean());

        // Second review: the other way round — password off while the magic link runs (allowed), then the magic
        // link off would leave the username form alone: refused the same way.
        flows.addExecution(FORMS, Map.of("provider", MAGIC_LINK));
        var magic = flows.getExecutions(FORMS).stream()
                .filter(e -> MAGIC_LINK.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow();
        magic.setRequirement("DISABLED");
        flows.updateExecutions(FORMS, magic);
        OidcClient.Response on = http.put("/" + slug + "/magic-link-connection", "{\"active\":true}");
        assertEquals(200, on.status(), on.body());
        OidcClient.Response passwordOff = http.put("/" + slug + "/password-connection", "{\"active\":false}");
        assertEquals(200, passwordOff.status(), passwordOff.body());
        OidcClient.Response magicOff = http.put("/" + slug + "/magic-link-connection", "{\"active\":false}");
        assertEquals(409, magicOff.status(), magicOff.body());
        assertEquals("no_other_first_factor", magicOff.json().get("error").asText());
    }

    @Test
    void magicLinkConnectionIsTheFlowsMagicLinkStep() {
        String slug = organization("Org IT Conn Magic", "conn-ml-it.example");
        JsonNode initial = http.get("/" + slug + "/magic-link-connection").json();
        assertEquals("MagicLinkConnection", initial.get("__type__").asText());
        assertFalse(initial.get("active").asBoolean(), "the template's flow has no magic-link step");
        assertEquals(900, initial.get("expiry_in_seconds").asInt());
        assertFalse(initial.get("find_or_create_user").asBoolean());
        // Without the step: 409, not a silent success; bad values 400; nothing changes.
        OidcClient.Response missing = http.put("/" + slug + "/magic-link-connection", "{\"active\":true}");
        assertEquals(409, missing.status(), missing.body());
        assertEquals(
                400,
                http.put("/" + slug + "/magic-link-connection", "{\"expiry_in_seconds\":59}")
                        .status());
        assertEquals(
                400,
                http.put("/" + slug + "/magic-link-connection", "{\"find_or_create_user\":true}")
                        .status());
        assertEquals(initial, http.get("/" + slug + "/magic-link-connection").json());

        boolean installed = admin.serverInfo()
                .getInfo()
                .getProviders()
                .get("authenticator")
                .getProviders()
                .containsKey(MAGIC_LINK);
        Assumptions.assumeTrue(installed, "magic-link-authenticator is not deployed on this server");
        // An operator adds the step (DISABLED) ahead of the password forms; the connection switches it.
        admin.realm(slug).flows().addExecution("b2bpack browser", Map.of("provider", MAGIC_LINK));
        String step = admin.realm(slug).flows().getExecutions("b2bpack browser").stream()
                .filter(e -> MAGIC_LINK.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow()
                .getId();
        admin.realm(slug).flows().raisePriority(step);
        assertFalse(http.get("/" + slug + "/magic-link-connection")
                .json()
                .get("active")
                .asBoolean());
        assertTrue(new HttpLoginSession().open(slug, CLIENT).hasField("password"));

        OidcClient.Response on =
                http.put("/" + slug + "/magic-link-connection", "{\"active\":true,\"expiry_in_seconds\":300}");
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().get("active").asBoolean());
        assertEquals(300, on.json().get("expiry_in_seconds").asInt());
        assertEquals("ALTERNATIVE", requirement(slug, "b2bpack browser", MAGIC_LINK));
        HttpLoginSession magic = new HttpLoginSession().open(slug, CLIENT);
        assertFalse(magic.hasField("password"), "the login starts with the magic link: " + magic.page());

        OidcClient.Response off = http.put("/" + slug + "/magic-link-connection", "active=false");
        assertEquals(200, off.status(), off.body());
        assertEquals("DISABLED", requirement(slug, "b2bpack browser", MAGIC_LINK));
        assertTrue(new HttpLoginSession().open(slug, CLIENT).hasField("password"));
    }

    @Test
    void connectionsFollowKeycloakRealmPermissions() {
        String a = OrgFixtures.createOrg(http, "Org IT Conn Authz A", "conn-authz-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Conn Authz B", "conn-authz-b-it.example");
        String policyBefore = policy(a);
        Map<String, OrgHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", new OrgHttp(null));
        callers.put("no-role", OrgFixtures.callerOf(admin, masterUser("org-it-conn-norole")));
        String viewer = masterUser("org-it-conn-viewer");
        Users.grantClientRoles(admin, "master", viewer, a + "-realm", "view-realm", "view-users", "manage-users");
        callers.put("a-viewer", OrgFixtures.callerOf(admin, viewer));
        String manager = masterUser("org-it-conn-manager");
        Users.grantClientRoles(admin, "master", manager, a + "-realm", "view-realm", "manage-realm");
        callers.put("a-manager", OrgFixtures.callerOf(admin, manager));
        String bManager = masterUser("org-it-conn-b-manager");
        Users.grantClientRoles(admin, "master", bManager, b + "-realm", "view-realm", "manage-realm");
        callers.put("b-manager", OrgFixtures.callerOf(admin, bManager));
        String tenantAdmin = OrgFixtures.createUser(admin, b, "tenant-admin", "tenant-admin@conn-authz-b-it.example");
        Users.grantClientRoles(admin, b, tenantAdmin, "realm-management", "realm-admin");
        String tenantToken = Users.adminCliToken(b, "tenant-admin", OrgFixtures.PASSWORD);
        callers.put("b-realm-admin", new OrgHttp(() -> tenantToken));

        List<String> mismatches = new ArrayList<>();
        for (String path : List.of("password-connection", "totp-connection", "magic-link-connection")) {
            String change = path.equals("password-connection")
                    ? "{\"plain_text_min_length\":4}"
                    : path.equals("totp-connection") ? "{\"sms_expiry_in_seconds\":31}" : "{\"expiry_in_seconds\":61}";
            for (Map.Entry<String, OrgHttp> caller : callers.entrySet()) {
                int read = switch (caller.getKey()) {
                    case "anonymous" -> 401;
                    case "a-viewer", "a-manager" -> 200;
                    default -> 403;
                };
                int write = switch (caller.getKey()) {
                    case "anonymous" -> 401;
                    case "a-manager" -> 200;
                    default -> 403;
                };
                check(mismatches, caller.getKey(), "GET", caller.getValue().get("/" + a + "/" + path), read);
                if (write != 200) {
                    check(
                            mismatches,
                            caller.getKey(),
                            "PUT",
                            caller.getValue().put("/" + a + "/" + path, change),
                            write);
                    check(
                            mismatches,
                            caller.getKey(),
                            "POST",
                            caller.getValue().post("/" + a + "/" + path, change),
                            write);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertEquals(policyBefore, policy(a), "no refused caller changed organization A's realm");
        assertEquals(
                "600",
                smsConfig(a).getOrDefault("codeTtlSeconds", "600"),
                "no refused caller changed organization A's SMS step");
        // A's manager may change A (and only through A's realm permissions).
        OidcClient.Response changed =
                callers.get("a-manager").put("/" + a + "/password-connection", "{\"plain_text_min_length\":14}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(14, changed.json().get("plain_text_min_length").asInt());
        assertEquals(
                403,
                callers.get("a-manager")
                        .put("/" + b + "/password-connection", "{}")
                        .status());
        assertEquals(404, http.get("/org-it-no-such-org/password-connection").status());
    }

    private static void check(List<String> mismatches, String caller, String method, OidcClient.Response r, int want) {
        if (r.status() != want) {
            mismatches.add(caller + " " + method + " expected " + want + " got " + r.status() + " " + r.body());
        }
    }

    /** An organization with a browser client {@code it-web}; the template's flows and policies stay as they are. */
    private String organization(String name, String domain) {
        String slug = OrgFixtures.createOrg(http, name, domain);
        admin.realm(slug)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient(CLIENT, slug))
                .close();
        return slug;
    }

    private String policy(String slug) {
        return admin.realm(slug).toRepresentation().getPasswordPolicy();
    }

    private void resetPassword(String slug, String userId, String password) {
        admin.realm(slug).users().get(userId).resetPassword(Fixtures.password(password));
    }

    /** The requirement of the execution of {@code flow} whose provider or sub-flow name is {@code name}. */
    private String requirement(String slug, String flow, String name) {
        return admin.realm(slug).flows().getExecutions(flow).stream()
                .filter(e -> name.equals(e.getProviderId()) || name.equals(e.getDisplayName()))
                .map(AuthenticationExecutionInfoRepresentation::getRequirement)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + flow));
    }

    private Map<String, String> smsConfig(String slug) {
        String id = admin.realm(slug).flows().getExecutions("b2bpack browser - SMS second factor").stream()
                .filter(e -> "sms-otp-form".equals(e.getProviderId()))
                .findFirst()
                .orElseThrow()
                .getAuthenticationConfig();
        return id == null
                ? Map.of()
                : admin.realm(slug).flows().getAuthenticatorConfig(id).getConfig();
    }

    /** A user of Keycloak's authenticator app (an OTP credential beside the test password). */
    private void totpUser(String slug, String username, String domain) {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("phone app");
        otp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");
        otp.setCredentialData(
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        UserRepresentation user =
                Fixtures.userWithPassword(username, username + "@" + domain, "Test", "User", OrgFixtures.PASSWORD);
        user.setCredentials(List.of(Fixtures.password(OrgFixtures.PASSWORD), otp));
        Users.create(admin, slug, user);
    }

    /** Signs otto in with the password: either the app code is asked (no code yet) or the client gets a code. */
    private void assertAsksForAppCode(String slug, boolean asked) {
        HttpLoginSession login = new HttpLoginSession().login(slug, CLIENT, "otto", OrgFixtures.PASSWORD);
        if (asked) {
            assertFalse(login.loggedIn(), "the password alone must not sign the app user in");
            assertTrue(login.hasField("otp") || login.page().contains("<form"), login.page());
            assertFalse(login.hasField("password"), login.page());
        } else {
            assertTrue(login.loggedIn(), login.page());
        }
    }

    /** A request with Cryptr's form encoding ({@code curl -d}). */
    private OidcClient.Response form(String method, String path, String body) {
        return OidcClient.send(HttpRequest.newBuilder(URI.create(OrgHttp.ORGS + path))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
