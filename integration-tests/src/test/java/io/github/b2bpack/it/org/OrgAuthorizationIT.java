package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Who may do what on the organization API, with Keycloak's own admin roles in the master realm:
 * every endpoint answers 401 without a token and 403 to a token lacking the role.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgAuthorizationIT {

    private static final String MASTER = OrgHttp.SERVER + "/realms/master";

    @InjectAdminClient
    Keycloak admin;

    private final List<String> users = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        users.forEach(id -> admin.realm("master").users().get(id).remove());
        OrgFixtures.deleteTestOrgs(OrgFixtures.adminHttp(admin));
    }

    private static final String DNS = "{\"method\":\"dns\"}";
    private static final String MANUAL = "{\"method\":\"manual\"}";

    /** One call of the table: who calls, what, and the status Keycloak's permissions must give. */
    private record Call(String caller, String method, String path, String body, int expected) {}

    @Test
    void everyEndpointFollowsKeycloakAdminPermissions() {
        OrgHttp adminHttp = OrgFixtures.adminHttp(admin);
        String fixture = OrgFixtures.createOrg(adminHttp, "Org IT Authz Fixture", "authz-it.example");
        String managed = OrgFixtures.createOrg(adminHttp, "Org IT Authz Managed");
        // A second, pending claim: the verifications refused below must leave it pending.
        assertEquals(
                200,
                adminHttp
                        .put(
                                "/" + fixture,
                                "{\"allowed_email_domains\":[\"authz-it.example\",\"authz-pending-it.example\"]}")
                        .status());

        Map<String, OrgHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", new OrgHttp(null));
        callers.put("no-role", tokenOf(user("org-it-norole")));
        String viewer = user("org-it-viewer");
        grantClientRoles(viewer, "master-realm", "view-realm");
        callers.put("master-viewer", tokenOf(viewer));
        String creator = user("org-it-creator");
        grantRealmRole(creator, "create-realm");
        callers.put("creator", tokenOf(creator));
        String manager = user("org-it-manager");
        grantClientRoles(manager, managed + "-realm", "view-realm", "manage-realm");
        callers.put("org-manager", tokenOf(manager));
        callers.put("admin", adminHttp);

        String rename = "{\"name\":\"Org IT Authz Renamed\"}";
        List<Call> table = new ArrayList<>();
        for (String anonymousOrNoRole : List.of("anonymous", "no-role")) {
            int expected = anonymousOrNoRole.equals("anonymous") ? 401 : 403;
            table.add(new Call(anonymousOrNoRole, "POST", "", "{\"name\":\"Org IT Authz Denied\"}", expected));
            table.add(new Call(anonymousOrNoRole, "GET", "", null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/discovery?email=a%40authz-it.example", null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/" + fixture, null, expected));
            table.add(new Call(anonymousOrNoRole, "PUT", "/" + fixture, rename, expected));
            table.add(new Call(anonymousOrNoRole, "DELETE", "/" + fixture, null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/org-it-nobody", null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/" + fixture + "/email-domains", null, expected));
            table.add(new Call(
                    anonymousOrNoRole,
                    "POST",
                    "/" + fixture + "/email-domains/authz-pending-it.example/verify",
                    DNS,
                    expected));
            table.add(new Call(
                    anonymousOrNoRole,
                    "POST",
                    "/" + fixture + "/email-domains/authz-pending-it.example/verify",
                    MANUAL,
                    expected));
        }
        // view-realm on master: list and discover, nothing else.
        table.add(new Call("master-viewer", "GET", "", null, 200));
        table.add(new Call("master-viewer", "GET", "/discovery?email=a%40authz-it.example", null, 200));
        table.add(new Call("master-viewer", "GET", "/org-it-nobody", null, 404));
        table.add(new Call("master-viewer", "POST", "", "{\"name\":\"Org IT Authz Viewer\"}", 403));
        table.add(new Call("master-viewer", "GET", "/" + fixture, null, 403));
        table.add(new Call("master-viewer", "PUT", "/" + fixture, rename, 403));
        table.add(new Call("master-viewer", "DELETE", "/" + fixture, null, 403));
        table.add(new Call("master-viewer", "GET", "/" + fixture + "/email-domains", null, 403));
        table.add(new Call(
                "master-viewer",
                "POST",
                "/" + fixture + "/email-domains/authz-pending-it.example/verify",
                MANUAL,
                403));
        // create-realm: create, then administer what it created (as Keycloak does for realms), nothing else.
        table.add(new Call("creator", "GET", "", null, 403));
        table.add(new Call("creator", "GET", "/discovery?email=a%40authz-it.example", null, 403));
        table.add(new Call("creator", "GET", "/" + fixture, null, 403));
        table.add(new Call("creator", "PUT", "/" + fixture, rename, 403));
        table.add(new Call("creator", "DELETE", "/" + fixture, null, 403));
        table.add(new Call("creator", "GET", "/" + fixture + "/email-domains", null, 403));
        table.add(new Call(
                "creator", "POST", "/" + fixture + "/email-domains/authz-pending-it.example/verify", MANUAL, 403));
        table.add(new Call("creator", "POST", "", "{\"name\":\"Org IT Authz Created\"}", 201));
        // manage-realm on one organization's realm: that organization only.
        table.add(new Call("org-manager", "GET", "", null, 403));
        table.add(new Call("org-manager", "POST", "", "{\"name\":\"Org IT Authz Manager\"}", 403));
        table.add(new Call("org-manager", "GET", "/" + fixture, null, 403));
        table.add(new Call("org-manager", "PUT", "/" + fixture, rename, 403));
        table.add(new Call("org-manager", "DELETE", "/" + fixture, null, 403));
        // Another tenant's email domains: not readable, not verifiable (by DNS or by hand) through its path, and
        // not through the tenant's own path either (its organization does not claim the domain: 404, nothing changes).
        table.add(new Call("org-manager", "GET", "/" + fixture + "/email-domains", null, 403));
        table.add(new Call(
                "org-manager", "POST", "/" + fixture + "/email-domains/authz-pending-it.example/verify", DNS, 403));
        table.add(new Call(
                "org-manager", "POST", "/" + fixture + "/email-domains/authz-pending-it.example/verify", MANUAL, 403));
        table.add(new Call(
                "org-manager", "POST", "/" + managed + "/email-domains/authz-pending-it.example/verify", DNS, 404));
        // Its own organization: DNS proof is its business, vouching by hand is the operator's.
        table.add(new Call("org-manager", "GET", "/" + managed + "/email-domains", null, 200));
        table.add(new Call(
                "org-manager", "POST", "/" + managed + "/email-domains/authz-pending-it.example/verify", MANUAL, 403));
        table.add(new Call("org-manager", "GET", "/" + managed, null, 200));
        table.add(new Call("org-manager", "PUT", "/" + managed, rename, 200));
        table.add(new Call("org-manager", "DELETE", "/" + managed, null, 200));
        // A global admin may do everything.
        table.add(new Call("admin", "GET", "", null, 200));
        table.add(new Call("admin", "GET", "/" + fixture, null, 200));
        table.add(new Call("admin", "GET", "/" + fixture + "/email-domains", null, 200));
        table.add(new Call("admin", "PUT", "/" + fixture, rename, 200));

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OrgHttp http = callers.get(call.caller());
            OidcClient.Response response = switch (call.method()) {
                case "GET" -> http.get(call.path());
                case "POST" -> http.post(call.path(), call.body());
                case "PUT" -> http.put(call.path(), call.body());
                case "DELETE" -> http.delete(call.path());
                default -> throw new IllegalArgumentException(call.method());
            };
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));

        // None of the refused verifications above changed the fixture's claim.
        Map<String, String> statuses = new LinkedHashMap<>();
        adminHttp
                .get("/" + fixture + "/email-domains")
                .json()
                .forEach(claim -> statuses.put(
                        claim.get("domain").asText(), claim.get("status").asText()));
        assertEquals(Map.of("authz-it.example", "verified", "authz-pending-it.example", "pending"), statuses);
        assertEquals(200, adminHttp.delete("/" + fixture).status());

        // The creator administers the organization it created.
        OrgHttp creatorHttp = callers.get("creator");
        assertEquals(200, creatorHttp.get("/org-it-authz-created").status());
        assertEquals(200, creatorHttp.delete("/org-it-authz-created").status());
    }

    private String user(String username) {
        UserRepresentation user = Fixtures.userWithPassword(
                username, username + "@authz-users.example", "Authz", "User", OrgFixtures.PASSWORD);
        try (Response created = admin.realm("master").users().create(user)) {
            assertEquals(201, created.getStatus());
            String id = CreatedResponseUtil.getCreatedId(created);
            users.add(id);
            return id;
        }
    }

    private void grantClientRoles(String userId, String clientId, String... roles) {
        ClientRepresentation client =
                admin.realm("master").clients().findByClientId(clientId).get(0);
        List<RoleRepresentation> reps = new ArrayList<>();
        for (String role : roles) {
            reps.add(admin.realm("master")
                    .clients()
                    .get(client.getId())
                    .roles()
                    .get(role)
                    .toRepresentation());
        }
        admin.realm("master")
                .users()
                .get(userId)
                .roles()
                .clientLevel(client.getId())
                .add(reps);
    }

    private void grantRealmRole(String userId, String role) {
        admin.realm("master")
                .users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(admin.realm("master").roles().get(role).toRepresentation()));
    }

    /** A caller whose token is fetched once from master's admin-cli, as an operator's script would. */
    private OrgHttp tokenOf(String userId) {
        String username =
                admin.realm("master").users().get(userId).toRepresentation().getUsername();
        OidcClient.Response tokens = new OidcClient(MASTER).passwordGrant("admin-cli", username, OrgFixtures.PASSWORD);
        assertEquals(200, tokens.status(), tokens.body());
        String token = tokens.field("access_token");
        return new OrgHttp(() -> token);
    }
}
