package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * {@code POST /sso-saml-challenges} and {@code POST /orgs/{slug}/sso-connection/onboarding} over HTTP: what each
 * caller gets (401 without a token, 403 without the identity-provider role on the organization's realm, including
 * another organization's administrator, whether or not the organization exists), and the refusals of bad input
 * (foreign redirect URI, unknown domain, no or inactive connection) with their codes.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SsoChallengeIT extends OrgItBase {

    private record Call(String caller, String what, String body, int expected) {}

    @Test
    void whoMayIssueOnboardingLinksAndChallenges() {
        String a = OrgFixtures.createOrg(http, "Org IT Challenge A", "challenge-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Challenge B", "challenge-b-it.example");
        OrgFixtures.prepareRealm(admin, a);
        SsoFixtures.createConnectionByHand(admin, a, true);

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("no-role", token(masterUser("org-it-sso-norole")));
        String viewer = masterUser("org-it-sso-viewer");
        Users.grantClientRoles(admin, "master", viewer, a + "-realm", "view-identity-providers");
        tokens.put("a-idp-viewer", token(viewer));
        String manager = masterUser("org-it-sso-manager");
        Users.grantClientRoles(
                admin, "master", manager, a + "-realm", "view-identity-providers", "manage-identity-providers");
        tokens.put("a-idp-manager", token(manager));
        String other = masterUser("org-it-sso-b-admin");
        Users.grantClientRoles(
                admin,
                "master",
                other,
                b + "-realm",
                "view-identity-providers",
                "manage-identity-providers",
                "view-realm",
                "manage-realm",
                "view-users",
                "manage-users");
        tokens.put("b-admin", token(other));
        tokens.put("admin", admin.tokenManager().getAccessTokenString());

        String redirect = Fixtures.redirectUri(a);
        String challengeA = "{\"org_domain\":\"" + a + "\",\"redirect_uri\":\"" + redirect + "\"}";
        String challengeUnknown = "{\"user_email\":\"x@nobody-it.example\",\"redirect_uri\":\"" + redirect + "\"}";
        List<Call> table = new ArrayList<>();
        for (String caller : List.of("anonymous", "no-role", "b-admin")) {
            int refused = caller.equals("anonymous") ? 401 : 403;
            table.add(new Call(caller, "onboarding " + a, null, refused));
            table.add(new Call(caller, "onboarding-sandbox " + a, null, refused));
            table.add(new Call(caller, "challenge", challengeA, refused));
            // Unknown organizations look the same as known ones to those who may not list organizations.
            table.add(new Call(caller, "challenge", challengeUnknown, refused));
        }
        table.add(new Call("a-idp-viewer", "onboarding " + a, null, 403));
        table.add(new Call("a-idp-viewer", "challenge", challengeA, 201));
        table.add(new Call("a-idp-manager", "onboarding " + a, null, 201));
        table.add(new Call("a-idp-manager", "challenge", challengeA, 201));
        table.add(new Call("b-admin", "onboarding " + b, null, 201));
        table.add(new Call("admin", "onboarding " + a, null, 201));
        table.add(new Call("admin", "challenge", challengeA, 201));
        table.add(new Call("admin", "challenge", challengeUnknown, 404));

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            String token = tokens.get(call.caller());
            OidcClient.Response response;
            if (call.what().startsWith("onboarding")) {
                String slug = call.what().substring(call.what().indexOf(' ') + 1);
                String query = call.what().startsWith("onboarding-sandbox") ? "environment=sandbox" : "";
                response = SsoFixtures.issueOnboarding(new OrgHttp(() -> token), slug, query);
            } else {
                response = SsoFixtures.challenges(() -> token).post("", call.body());
            }
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    @Test
    void refusalsHaveClearCodes() {
        String slug = OrgFixtures.createOrg(http, "Org IT Challenge Refusals", "challenge-refusals-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        BearerHttp challenges =
                SsoFixtures.challenges(() -> admin.tokenManager().getAccessTokenString());
        String good = Fixtures.redirectUri(slug);

        assertError(
                challenges,
                "{\"org_domain\":\"" + slug + "\",\"redirect_uri\":\"" + good + "\"}",
                404,
                "sso_connection_not_found");
        SsoFixtures.createConnectionByHand(admin, slug, false);
        assertError(
                challenges,
                "{\"org_domain\":\"" + slug + "\",\"redirect_uri\":\"" + good + "\"}",
                422,
                "sso_connection_inactive");
        IdentityProviderRepresentation idp =
                admin.realm(slug).identityProviders().get(SsoFixtures.ALIAS).toRepresentation();
        idp.setEnabled(true);
        admin.realm(slug).identityProviders().get(SsoFixtures.ALIAS).update(idp);

        // A redirect URI no client of the organization's realm accepts, with or without client_id.
        for (String foreign :
                List.of("https://attacker.example/cb", Fixtures.redirectUri("master"), "javascript:alert(1)")) {
            assertError(
                    challenges,
                    "{\"org_domain\":\"" + slug + "\",\"redirect_uri\":\"" + foreign + "\"}",
                    400,
                    "invalid_redirect_uri");
            assertError(
                    challenges,
                    "{\"org_domain\":\"" + slug + "\",\"client_id\":\"it-web\",\"redirect_uri\":\"" + foreign + "\"}",
                    400,
                    "invalid_redirect_uri");
        }
        assertError(
                challenges,
                "{\"org_domain\":\"" + slug + "\",\"client_id\":\"admin-cli\",\"redirect_uri\":\"" + good + "\"}",
                400,
                "invalid_client");
        assertError(
                challenges,
                "{\"user_email\":\"nobody@nowhere-it.example\",\"redirect_uri\":\"" + good + "\"}",
                404,
                "organization_not_found");
        assertError(
                challenges,
                "{\"user_email\":\"not-an-email\",\"redirect_uri\":\"" + good + "\"}",
                400,
                "invalid_email");
        assertError(
                challenges,
                "{\"org_domain\":\"" + slug + "\",\"redirect_uri\":\"" + good + "\",\"environment\":\"sandbox\"}",
                404,
                "not_found");
        assertError(challenges, "{\"redirect_uri\":\"" + good + "\"}", 400, "invalid_request");
        assertError(challenges, "x".repeat(20_000), 400, "invalid_request");

        // Cryptr's form encoding, by email; the URL goes to the org realm with the IdP hint and the login hint.
        OidcClient.Response ok = OidcClient.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(SsoFixtures.CHALLENGES))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "user_email=lyla%40challenge-refusals-it.example&redirect_uri="
                                + java.net.URLEncoder.encode(good, java.nio.charset.StandardCharsets.UTF_8)))
                .build());
        assertEquals(201, ok.status(), ok.body());
        String url = ok.field("authorization_url");
        assertTrue(url.startsWith(Fixtures.realmUrl(slug) + "/protocol/openid-connect/auth?"), url);
        assertTrue(url.contains("kc_idp_hint=b2bpack-sso"), url);
        assertTrue(url.contains("client_id=it-web"), url);
        assertTrue(url.contains("login_hint=lyla%40challenge-refusals-it.example"), url);
        assertEquals(good, ok.field("redirect_uri"));
        assertEquals(slug, ok.field("__domain__"));
    }

    private static void assertError(BearerHttp challenges, String body, int status, String code) {
        OidcClient.Response response = challenges.post("", body);
        assertEquals(status, response.status(), body + " -> " + response.body());
        assertEquals(code, response.field("error"), response.body());
    }

    private String token(String userId) {
        String username =
                admin.realm("master").users().get(userId).toRepresentation().getUsername();
        return Users.adminCliToken("master", username, OrgFixtures.PASSWORD);
    }
}
