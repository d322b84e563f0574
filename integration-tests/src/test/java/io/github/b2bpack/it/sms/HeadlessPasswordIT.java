package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 15, headless passwords: who may call the API, the password challenge's authorization code redeemed at the
 * token endpoint (once, by the calling client only, PKCE, expiry), no enumeration of addresses, and
 * password-request / renew-password with a single-use {@code password_code} under the realm's password policy.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HeadlessPasswordIT extends SmsOrgItBase {

    static final String NEW_PASSWORD = "Renewed-Quartz-Password-42!";

    @Test
    void onlyTheOrganizationsBackendMayCall() {
        SmsOrgRealm a = org("Org IT Headless Caller A");
        HeadlessApi api = HeadlessApi.setUp(a);
        a.createUser("nora", null);
        SmsOrgRealm b = org("Org IT Headless Caller B");
        HeadlessApi apiB = HeadlessApi.setUp(b);
        String realmAdminId = a.createUser("ada", null);
        Users.grantClientRoles(admin, a.name, realmAdminId, "realm-management", "manage-users", "view-users");
        String body = HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", SmsOrgRealm.PASSWORD);

        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("no token", api.as(null).post("/password-challenge", body).status());
        statuses.put(
                "client without the role",
                api.as(api.token(HeadlessApi.OTHER))
                        .post("/password-challenge", body)
                        .status());
        statuses.put(
                "master admin",
                api.as(admin.tokenManager().getAccessTokenString())
                        .post("/password-challenge", body)
                        .status());
        statuses.put(
                "org realm admin user",
                api.as(Users.adminCliToken(a.name, "ada", SmsOrgRealm.PASSWORD))
                        .post("/password-challenge", body)
                        .status());
        statuses.put(
                "other organization's backend",
                api.as(apiB.token(HeadlessApi.BACKEND))
                        .post("/password-challenge", body)
                        .status());
        statuses.put(
                "the backend", api.backend().post("/password-challenge", body).status());

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("no token", 401);
        expected.put("client without the role", 403);
        expected.put("master admin", 403);
        expected.put("org realm admin user", 403);
        expected.put("other organization's backend", 403);
        expected.put("the backend", 201);
        assertEquals(expected, statuses);
        OidcClient.Response refused = api.as(api.token(HeadlessApi.OTHER)).post("/password-challenge", body);
        assertEquals("forbidden", refused.field("error"), refused.body());
    }

    @Test
    void aPassedChallengeYieldsACodeThatOnlyTheCallingClientRedeemsOnce() throws Exception {
        SmsOrgRealm org = org("Org IT Headless Code");
        HeadlessApi api = HeadlessApi.setUp(org);
        String noraId = org.createUser("nora", null);
        BearerHttp backend = api.backend();
        String body = HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", SmsOrgRealm.PASSWORD);

        OidcClient.Response passed = backend.post("/password-challenge", body);
        assertEquals(201, passed.status(), passed.body());
        assertEquals("PasswordChallenge", passed.field("__type__"));
        assertEquals("true", passed.field("valid?"));
        assertEquals("false", passed.field("totp_required"));
        assertEquals(noraId, passed.field("user_id"));
        assertEquals(org.name, passed.field("__domain__"));
        assertEquals("production", passed.field("__environment__"));
        // Another client of the realm cannot redeem it (and the attempt burns the code, as Keycloak does).
        OidcClient.Response stolen = api.redeem(HeadlessApi.OTHER, passed.field("code"));
        assertEquals(400, stolen.status(), stolen.body());
        assertEquals("invalid_grant", stolen.field("error"));
        assertEquals(400, api.redeem(HeadlessApi.BACKEND, passed.field("code")).status());

        String code = backend.post("/password-challenge", body).field("code");
        OidcClient.Response tokens = api.redeem(HeadlessApi.BACKEND, code);
        assertEquals(200, tokens.status(), tokens.body());
        JsonNode access = HeadlessApi.claims(tokens.field("access_token"));
        assertEquals(noraId, access.get("sub").asText());
        assertEquals(HeadlessApi.BACKEND, access.get("azp").asText());
        assertEquals(org.url(), access.get("iss").asText());
        assertNotNull(tokens.field("id_token"));
        assertNotNull(tokens.field("refresh_token"));
        assertEquals(200, org.oidc().userInfo(tokens.field("access_token")).status());
        // Single use.
        OidcClient.Response replay = api.redeem(HeadlessApi.BACKEND, code);
        assertEquals(400, replay.status(), replay.body());
        assertEquals("invalid_grant", replay.field("error"));
        // Forged codes.
        String fresh = backend.post("/password-challenge", body).field("code");
        String tampered = fresh.substring(0, fresh.length() - 2) + (fresh.endsWith("AA") ? "BB" : "AA");
        assertEquals(400, api.redeem(HeadlessApi.BACKEND, tampered).status());
        assertEquals(400, api.redeem(HeadlessApi.BACKEND, "forged.b2bpack.code").status());

        // PKCE: a code bound to a challenge needs its verifier.
        String verifier = "it-verifier-" + "x".repeat(50);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String pkceBody = HeadlessApi.json(
                "user_email", "nora@org-it.example", "plain_text", SmsOrgRealm.PASSWORD, "code_challenge", challenge);
        assertEquals(
                400,
                api.redeem(
                                HeadlessApi.BACKEND,
                                backend.post("/password-challenge", pkceBody).field("code"))
                        .status());
        OidcClient.Response pkce = api.redeem(
                HeadlessApi.BACKEND,
                backend.post("/password-challenge", pkceBody).field("code"),
                "code_verifier",
                verifier);
        assertEquals(200, pkce.status(), pkce.body());

        // Cryptr's form fields (curl -d) work as well as JSON.
        OidcClient.Response form = OidcClient.send(HttpRequest.newBuilder(URI.create(
                        SmsOrgRealm.SERVER + "/admin/realms/" + org.name + "/b2bpack-headless/password-challenge"))
                .header("Authorization", "Bearer " + api.token(HeadlessApi.BACKEND))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_email=nora%40org-it.example&plain_text="
                        + java.net.URLEncoder.encode(SmsOrgRealm.PASSWORD, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build());
        assertEquals(201, form.status(), form.body());

        // Expiry: the realm's access-code lifespan applies as to every code.
        RealmRepresentation rep = admin.realm(org.name).toRepresentation();
        rep.setAccessCodeLifespan(1);
        admin.realm(org.name).update(rep);
        String late = backend.post("/password-challenge", body).field("code");
        Thread.sleep(2_500);
        OidcClient.Response expired = api.redeem(HeadlessApi.BACKEND, late);
        assertEquals(400, expired.status(), expired.body());
        assertEquals("invalid_grant", expired.field("error"));
    }

    @Test
    void unknownAddressesWrongPasswordsAndBadInputAreRefusedAlike() throws InterruptedException {
        SmsOrgRealm org = org("Org IT Headless Enumeration");
        HeadlessApi api = HeadlessApi.setUp(org);
        String noraId = org.createUser("nora", null);
        BearerHttp backend = api.backend();

        OidcClient.Response wrong = backend.post(
                "/password-challenge",
                HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", "not-it-123456"));
        OidcClient.Response unknown = backend.post(
                "/password-challenge",
                HeadlessApi.json("user_email", "nobody@org-it.example", "plain_text", "not-it-123456"));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.body(), unknown.body());
        // Keycloak records failures on its own executor: wait for it.
        int failures = 0;
        for (int i = 0; i < 50 && failures == 0; i++) {
            failures = ((Number) admin.realm(org.name)
                            .attackDetection()
                            .bruteForceUserStatus(noraId)
                            .get("numFailures"))
                    .intValue();
            if (failures == 0) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, failures, "a wrong password is a brute-force failure");

        OidcClient.Response known =
                backend.post("/password-request", HeadlessApi.json("user_email", "nora@org-it.example"));
        OidcClient.Response nobody =
                backend.post("/password-request", HeadlessApi.json("user_email", "nobody@org-it.example"));
        assertEquals(201, known.status(), known.body());
        assertEquals(201, nobody.status(), nobody.body());
        List<String> knownKeys = fieldNames(known.json());
        assertEquals(knownKeys, fieldNames(nobody.json()));
        assertEquals(43, nobody.field("password_code").length());

        Map<String, OidcClient.Response> bad = new LinkedHashMap<>();
        bad.put(
                "no password",
                backend.post("/password-challenge", HeadlessApi.json("user_email", "nora@org-it.example")));
        bad.put(
                "not an email",
                backend.post("/password-challenge", HeadlessApi.json("user_email", "nora", "plain_text", "x")));
        bad.put("not JSON", backend.post("/password-challenge", "{not json"));
        bad.put("JSON array", backend.post("/password-challenge", "[1,2]"));
        bad.put(
                "another org_domain",
                backend.post(
                        "/password-challenge",
                        HeadlessApi.json(
                                "user_email", "nora@org-it.example", "plain_text", "x", "org_domain", "other-org")));
        bad.put(
                "renew without a code",
                backend.post(
                        "/renew-password",
                        HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", NEW_PASSWORD)));
        bad.put(
                "huge value",
                backend.post(
                        "/password-challenge",
                        HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", "x".repeat(5000))));
        bad.put(
                "bad PKCE",
                backend.post(
                        "/password-challenge",
                        HeadlessApi.json(
                                "user_email", "nora@org-it.example", "plain_text", "x", "code_challenge", "short")));
        bad.forEach((what, r) -> {
            assertEquals(400, r.status(), what + ": " + r.body());
            assertEquals("invalid_request", r.field("error"), what);
        });
    }

    /**
     * Attack (review of 2026-12-07): the backend's role reset any user's password, the realm's administrators
     * included — password-request answered a working code for an operator and renew-password set the attacker's
     * password. Administrators (any realm-management role, directly or through a composite) and service accounts
     * are out of the API's reach and answer exactly as unknown users.
     */
    @Test
    void theRealmsAdministratorsAreOutOfReach() {
        SmsOrgRealm org = org("Org IT Headless Operators");
        HeadlessApi api = HeadlessApi.setUp(org);
        String adaId = org.createUser("ada", null);
        Users.grantClientRoles(admin, org.name, adaId, "realm-management", "manage-users");
        String rootId = org.createUser("root", null);
        Users.grantClientRoles(admin, org.name, rootId, "realm-management", "realm-admin");
        BearerHttp backend = api.backend();

        for (String user : List.of("ada", "root")) {
            String email = user + "@org-it.example";
            OidcClient.Response requested = backend.post(
                    "/password-request", HeadlessApi.json("user_email", email, "redirect_uri", org.redirect()));
            assertEquals(201, requested.status(), requested.body());
            OidcClient.Response renewed = backend.post(
                    "/renew-password",
                    HeadlessApi.json(
                            "user_email",
                            email,
                            "password_code",
                            requested.field("password_code"),
                            "plain_text",
                            NEW_PASSWORD));
            assertEquals(401, renewed.status(), user + ": " + renewed.body());
            assertEquals("invalid_password_code", renewed.field("error"));
            OidcClient.Response challenge = backend.post(
                    "/password-challenge", HeadlessApi.json("user_email", email, "plain_text", SmsOrgRealm.PASSWORD));
            OidcClient.Response unknown = backend.post(
                    "/password-challenge",
                    HeadlessApi.json("user_email", "nobody@org-it.example", "plain_text", SmsOrgRealm.PASSWORD));
            assertEquals(401, challenge.status(), user + ": " + challenge.body());
            assertEquals(unknown.body(), challenge.body());
        }
        OidcClient.Response enrolled =
                backend.post("/totp-enrollment/" + rootId, HeadlessApi.json("phone_number", "+33612345678"));
        assertEquals(404, enrolled.status(), enrolled.body());
        assertTrue(admin.realm(org.name).users().get(rootId).credentials().stream()
                .noneMatch(c -> c.getType().startsWith("sms")));
    }

    @Test
    void aPasswordCodeRenewsOnceUnderThePasswordPolicy() {
        SmsOrgRealm org = org("Org IT Headless Renew");
        HeadlessApi api = HeadlessApi.setUp(org);
        String noraId = org.createUser("nora", null);
        org.createUser("omar", null);
        RealmRepresentation rep = admin.realm(org.name).toRepresentation();
        rep.setPasswordPolicy("length(16)");
        admin.realm(org.name).update(rep);
        BearerHttp backend = api.backend();

        OidcClient.Response requested = backend.post(
                "/password-request",
                HeadlessApi.json("user_email", "nora@org-it.example", "redirect_uri", org.redirect()));
        assertEquals(201, requested.status(), requested.body());
        assertNull(requested.field("user_id"), "the same answer for every address");
        String code = requested.field("password_code");

        // Another user's address with nora's code: refused, and the code is not spent.
        OidcClient.Response otherUser = backend.post(
                "/renew-password",
                HeadlessApi.json(
                        "user_email", "omar@org-it.example", "password_code", code, "plain_text", NEW_PASSWORD));
        assertEquals(401, otherUser.status(), otherUser.body());
        assertEquals("invalid_password_code", otherUser.field("error"));
        // The realm's policy refuses a short password: 422 with the policy's message key, code kept.
        OidcClient.Response tooShort = backend.post(
                "/renew-password",
                HeadlessApi.json("user_email", "nora@org-it.example", "password_code", code, "plain_text", "Short-1!"));
        assertEquals(422, tooShort.status(), tooShort.body());
        assertEquals("invalid_password", tooShort.field("error"));
        assertFalse(tooShort.body().contains("Short-1!"), tooShort.body());

        OidcClient.Response renewed = backend.post(
                "/renew-password",
                HeadlessApi.json(
                        "user_email", "nora@org-it.example", "password_code", code, "plain_text", NEW_PASSWORD));
        assertEquals(201, renewed.status(), renewed.body());
        assertEquals("Password", renewed.field("__type__"));
        assertEquals(200, api.redeem(HeadlessApi.BACKEND, renewed.field("code")).status());
        OidcClient.Response reused = backend.post(
                "/renew-password",
                HeadlessApi.json(
                        "user_email", "nora@org-it.example", "password_code", code, "plain_text", NEW_PASSWORD + "x"));
        assertEquals(401, reused.status(), reused.body());
        for (String forged : List.of("A".repeat(43), "short", code.substring(1) + "A")) {
            OidcClient.Response r = backend.post(
                    "/renew-password",
                    HeadlessApi.json(
                            "user_email", "nora@org-it.example", "password_code", forged, "plain_text", NEW_PASSWORD));
            assertEquals(401, r.status(), forged + ": " + r.body());
        }
        assertEquals(
                201,
                backend.post(
                                "/password-challenge",
                                HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", NEW_PASSWORD))
                        .status());
        assertEquals(
                401,
                backend.post(
                                "/password-challenge",
                                HeadlessApi.json(
                                        "user_email", "nora@org-it.example", "plain_text", SmsOrgRealm.PASSWORD))
                        .status());

        // An expired password (here: an admin's UPDATE_PASSWORD) answers renew_password with a code, and no token code.
        UserRepresentation nora = admin.realm(org.name).users().get(noraId).toRepresentation();
        nora.setRequiredActions(List.of("UPDATE_PASSWORD"));
        admin.realm(org.name).users().get(noraId).update(nora);
        OidcClient.Response expired = backend.post(
                "/password-challenge",
                HeadlessApi.json("user_email", "nora@org-it.example", "plain_text", NEW_PASSWORD));
        assertEquals(201, expired.status(), expired.body());
        assertEquals("false", expired.field("valid?"));
        assertNull(expired.field("code"));
        String renewCode =
                expired.json().get("renew_password").get("password_code").asText();
        OidcClient.Response again = backend.post(
                "/renew-password",
                HeadlessApi.json(
                        "user_email",
                        "nora@org-it.example",
                        "password_code",
                        renewCode,
                        "plain_text",
                        NEW_PASSWORD + "-2"));
        assertEquals(201, again.status(), again.body());
        assertTrue(admin.realm(org.name)
                .users()
                .get(noraId)
                .toRepresentation()
                .getRequiredActions()
                .isEmpty());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
