package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Who may read and change SSO connections: Keycloak's identity-provider permissions on the organization's realm
 * ({@code view-identity-providers} reads, {@code manage-identity-providers} changes), {@code view-realm} on master
 * for the list across organizations, 401 without a token, 403 without the role — and nothing of organization A for
 * organization B's administrators, whether master users holding B's roles or B's own realm administrators.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgSsoConnectionAuthorizationIT extends OrgItBase {

    private record Call(String caller, String method, String url, String body, int expected) {}

    @Test
    void ssoConnectionsFollowKeycloakIdentityProviderPermissions() {
        String a = OrgFixtures.createOrg(http, "Org IT SSO Authz A", "sso-authz-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT SSO Authz B", "sso-authz-b-it.example");
        String metadata = OidcClient.send(
                        HttpRequest.newBuilder(URI.create(Fixtures.realmUrl("master") + "/protocol/saml/descriptor"))
                                .build())
                .body();
        OidcClient.Response created = http.post(
                "/" + a + "/sso-connection",
                OrgSsoConnectionIT.body("provider_type", "saml.adfs", "metadata", metadata));
        assertEquals(201, created.status(), created.body());
        String id = created.field("id");

        Map<String, Supplier<String>> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", () -> null);
        String noRole = masterToken("org-it-sso-norole");
        tokens.put("no-role", () -> noRole);
        String viewer = masterUser("org-it-sso-viewer");
        Users.grantClientRoles(admin, "master", viewer, a + "-realm", "view-identity-providers");
        String viewerToken = Users.adminCliToken("master", "org-it-sso-viewer", OrgFixtures.PASSWORD);
        tokens.put("a-viewer", () -> viewerToken);
        String bManager = masterUser("org-it-sso-b-manager");
        Users.grantClientRoles(
                admin,
                "master",
                bManager,
                b + "-realm",
                "view-identity-providers",
                "manage-identity-providers",
                "view-realm",
                "manage-realm",
                "view-users");
        String bManagerToken = Users.adminCliToken("master", "org-it-sso-b-manager", OrgFixtures.PASSWORD);
        tokens.put("b-manager", () -> bManagerToken);
        tokens.put("b-realm-admin", realmAdminToken(b, "sso-authz-b-it.example"));
        tokens.put("a-realm-admin", realmAdminToken(a, "sso-authz-a-it.example"));
        tokens.put("admin", () -> admin.tokenManager().getAccessTokenString());

        String master = OrgHttp.SERVER + "/admin/realms/master";
        String onA = master + "/orgs/" + a + "/sso-connection";
        String update = OrgSsoConnectionIT.body("number_users_provisioning_limit", 7);
        List<Call> table = new ArrayList<>();
        for (String caller : List.of("anonymous", "no-role", "b-manager", "b-realm-admin", "a-realm-admin")) {
            int expected = caller.equals("anonymous") ? 401 : 403;
            table.add(new Call(caller, "GET", onA, null, expected));
            table.add(new Call(caller, "PUT", onA, update, expected));
            table.add(new Call(caller, "POST", onA, "{}", expected));
            table.add(new Call(caller, "GET", master + "/sso-connections", null, expected));
            table.add(new Call(caller, "PUT", master + "/sso-connections/" + id, update, expected));
        }
        table.add(new Call("a-viewer", "GET", onA, null, 200));
        table.add(new Call("a-viewer", "PUT", onA, update, 403));
        table.add(new Call("a-viewer", "PUT", master + "/sso-connections/" + id, update, 403));
        table.add(new Call("a-viewer", "GET", master + "/sso-connections", null, 403));
        // B's manager through its own organization's path: B has no connection; A's id stays out of reach.
        table.add(new Call("b-manager", "GET", master + "/orgs/" + b + "/sso-connection", null, 404));
        // Organization realms' own administrators: their own organization only.
        String aRealmPath = OrgHttp.SERVER + "/admin/realms/" + a + "/orgs/" + a + "/sso-connection";
        table.add(new Call("a-realm-admin", "GET", aRealmPath, null, 200));
        table.add(new Call("a-realm-admin", "PUT", aRealmPath, update, 200));
        table.add(new Call(
                "b-realm-admin",
                "GET",
                OrgHttp.SERVER + "/admin/realms/" + b + "/orgs/" + a + "/sso-connection",
                null,
                403));
        table.add(new Call(
                "b-realm-admin",
                "PUT",
                OrgHttp.SERVER + "/admin/realms/" + b + "/orgs/" + a + "/sso-connection",
                update,
                403));
        table.add(new Call(
                "b-realm-admin",
                "GET",
                OrgHttp.SERVER + "/admin/realms/" + a + "/orgs/" + a + "/sso-connection",
                null,
                403));
        table.add(new Call(
                "b-realm-admin",
                "GET",
                OrgHttp.SERVER + "/admin/realms/" + b + "/orgs/" + b + "/sso-connection",
                null,
                404));
        table.add(new Call("admin", "GET", onA, null, 200));
        table.add(new Call("admin", "PUT", onA, update, 200));
        table.add(new Call("admin", "GET", master + "/sso-connections", null, 200));
        table.add(new Call("admin", "PUT", master + "/sso-connections/" + id, update, 200));
        table.add(new Call(
                "admin", "PUT", master + "/sso-connections/" + id.substring(0, id.length() - 1) + "Z", update, 404));
        table.add(new Call("admin", "PUT", master + "/sso-connections/no-such-id", update, 404));

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OidcClient.Response response = call(tokens.get(call.caller()), call.method(), call.url(), call.body());
            if (response.status() != call.expected()) {
                mismatches.add(call.caller() + " " + call.method() + " " + call.url() + " expected " + call.expected()
                        + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        // The refused changes changed nothing that the allowed ones did not: 7 is the only limit ever sent.
        assertEquals(
                7,
                http.get("/" + a + "/sso-connection")
                        .json()
                        .get("number_users_provisioning_limit")
                        .asInt());
    }

    private String masterToken(String username) {
        masterUser(username);
        return Users.adminCliToken("master", username, OrgFixtures.PASSWORD);
    }

    /** An administrator of the organization's own realm (realm-admin there), token from that realm's admin-cli. */
    private Supplier<String> realmAdminToken(String realm, String domain) {
        OrgFixtures.prepareRealm(admin, realm);
        String user = OrgFixtures.createUser(admin, realm, "tenant-admin", "tenant-admin@" + domain);
        Users.grantClientRoles(admin, realm, user, "realm-management", "realm-admin");
        String token = Users.adminCliToken(realm, "tenant-admin", OrgFixtures.PASSWORD);
        return () -> token;
    }

    private static OidcClient.Response call(Supplier<String> token, String method, String url, String body) {
        BearerHttp client = new BearerHttp(url, token, Duration.ofSeconds(60), "Accept", "application/json");
        return switch (method) {
            case "GET" -> client.get("");
            case "POST" -> client.post("", body);
            case "PUT" -> client.put("", body);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
