package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Who may do what on the organization API, with Keycloak's own admin roles in the master realm:
 * every endpoint answers 401 without a token and 403 to a token lacking the role.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgAuthorizationIT extends OrgItBase {

    private static final String DNS = "{\"method\":\"dns\"}";
    private static final String MANUAL = "{\"method\":\"manual\"}";
    private static final String RENAME = "{\"name\":\"Org IT Authz Renamed\"}";
    /** The second, pending claim of the fixture organization. */
    private static final String PENDING = "authz-pending-it.example";

    /** One call of the table: who calls, what, and the status Keycloak's permissions must give. */
    private record Call(String caller, String method, String path, String body, int expected) {}

    @Test
    void everyEndpointFollowsKeycloakAdminPermissions() {
        String fixture = OrgFixtures.createOrg(http, "Org IT Authz Fixture", "authz-it.example");
        String managed = OrgFixtures.createOrg(http, "Org IT Authz Managed");
        // A second, pending claim: the verifications refused below must leave it pending.
        assertPut(200, fixture, "{\"allowed_email_domains\":[\"authz-it.example\",\"" + PENDING + "\"]}");

        Map<String, OrgHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", new OrgHttp(null));
        callers.put("no-role", OrgFixtures.callerOf(admin, masterUser("org-it-norole")));
        String viewer = masterUser("org-it-viewer");
        Users.grantClientRoles(admin, "master", viewer, "master-realm", "view-realm");
        callers.put("master-viewer", OrgFixtures.callerOf(admin, viewer));
        String creator = masterUser("org-it-creator");
        grantRealmRole(creator, "create-realm");
        callers.put("creator", OrgFixtures.callerOf(admin, creator));
        String manager = masterUser("org-it-manager");
        Users.grantClientRoles(admin, "master", manager, managed + "-realm", "view-realm", "manage-realm");
        callers.put("org-manager", OrgFixtures.callerOf(admin, manager));
        callers.put("admin", http);

        List<Call> table = new ArrayList<>();
        for (String anonymousOrNoRole : List.of("anonymous", "no-role")) {
            int expected = anonymousOrNoRole.equals("anonymous") ? 401 : 403;
            table.add(new Call(anonymousOrNoRole, "POST", "", "{\"name\":\"Org IT Authz Denied\"}", expected));
            table.add(new Call(anonymousOrNoRole, "GET", "", null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/discovery?email=a%40authz-it.example", null, expected));
            table.add(new Call(anonymousOrNoRole, "GET", "/org-it-nobody", null, expected));
            onOrganization(table, anonymousOrNoRole, fixture, expected, DNS, MANUAL);
        }
        // view-realm on master: list and discover, nothing else.
        table.add(new Call("master-viewer", "GET", "", null, 200));
        table.add(new Call("master-viewer", "GET", "/discovery?email=a%40authz-it.example", null, 200));
        table.add(new Call("master-viewer", "GET", "/org-it-nobody", null, 404));
        table.add(new Call("master-viewer", "POST", "", "{\"name\":\"Org IT Authz Viewer\"}", 403));
        onOrganization(table, "master-viewer", fixture, 403, MANUAL);
        // create-realm: create, then administer what it created (as Keycloak does for realms), nothing else.
        table.add(new Call("creator", "GET", "", null, 403));
        table.add(new Call("creator", "GET", "/discovery?email=a%40authz-it.example", null, 403));
        onOrganization(table, "creator", fixture, 403, MANUAL);
        table.add(new Call("creator", "POST", "", "{\"name\":\"Org IT Authz Created\"}", 201));
        // manage-realm on one organization's realm: that organization only. Another tenant's email domains: not
        // readable, not verifiable (by DNS or by hand) through its path, and not through the tenant's own path either
        // (its organization does not claim the domain: 404, nothing changes).
        table.add(new Call("org-manager", "GET", "", null, 403));
        table.add(new Call("org-manager", "POST", "", "{\"name\":\"Org IT Authz Manager\"}", 403));
        onOrganization(table, "org-manager", fixture, 403, DNS, MANUAL);
        table.add(new Call("org-manager", "POST", verifyPath(managed), DNS, 404));
        // Its own organization: DNS proof is its business, vouching by hand is the operator's.
        table.add(new Call("org-manager", "GET", "/" + managed + "/email-domains", null, 200));
        table.add(new Call("org-manager", "POST", verifyPath(managed), MANUAL, 403));
        table.add(new Call("org-manager", "GET", "/" + managed, null, 200));
        table.add(new Call("org-manager", "PUT", "/" + managed, RENAME, 200));
        table.add(new Call("org-manager", "DELETE", "/" + managed, null, 200));
        // A global admin may do everything.
        table.add(new Call("admin", "GET", "", null, 200));
        table.add(new Call("admin", "GET", "/" + fixture, null, 200));
        table.add(new Call("admin", "GET", "/" + fixture + "/email-domains", null, 200));
        table.add(new Call("admin", "PUT", "/" + fixture, RENAME, 200));

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OrgHttp caller = callers.get(call.caller());
            OidcClient.Response response = switch (call.method()) {
                case "GET" -> caller.get(call.path());
                case "POST" -> caller.post(call.path(), call.body());
                case "PUT" -> caller.put(call.path(), call.body());
                case "DELETE" -> caller.delete(call.path());
                default -> throw new IllegalArgumentException(call.method());
            };
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));

        // None of the refused verifications above changed the fixture's claim.
        Map<String, String> statuses = new LinkedHashMap<>();
        http.get("/" + fixture + "/email-domains")
                .json()
                .forEach(claim -> statuses.put(
                        claim.get("domain").asText(), claim.get("status").asText()));
        assertEquals(Map.of("authz-it.example", "verified", PENDING, "pending"), statuses);
        assertEquals(200, http.delete("/" + fixture).status());

        // The creator administers the organization it created.
        OrgHttp creatorHttp = callers.get("creator");
        assertEquals(200, creatorHttp.get("/org-it-authz-created").status());
        assertEquals(200, creatorHttp.delete("/org-it-authz-created").status());
    }

    /**
     * The calls of {@code caller} on the organization {@code slug}: read, rename, delete, list its email domains and
     * verify its pending one with each of {@code verifications}, all answered {@code expected}.
     */
    private static void onOrganization(
            List<Call> table, String caller, String slug, int expected, String... verifications) {
        table.add(new Call(caller, "GET", "/" + slug, null, expected));
        table.add(new Call(caller, "PUT", "/" + slug, RENAME, expected));
        table.add(new Call(caller, "DELETE", "/" + slug, null, expected));
        table.add(new Call(caller, "GET", "/" + slug + "/email-domains", null, expected));
        for (String verification : verifications) {
            table.add(new Call(caller, "POST", verifyPath(slug), verification, expected));
        }
    }

    private static String verifyPath(String slug) {
        return "/" + slug + "/email-domains/" + PENDING + "/verify";
    }

    private void grantRealmRole(String userId, String role) {
        admin.realm("master")
                .users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(admin.realm("master").roles().get(role).toRepresentation()));
    }
}
