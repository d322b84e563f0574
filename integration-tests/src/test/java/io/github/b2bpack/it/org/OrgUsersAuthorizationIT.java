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
 * Who may do what on the users API: Keycloak's own user permissions on the organization's realm
 * ({@code view-users} reads, {@code manage-users} changes, {@code manage-realm} declares metakeys), 401 without a
 * token, 403 without the role, and nothing of organization A for organization B's administrators, whether they
 * are master users holding B's roles or B's own realm administrators.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgUsersAuthorizationIT extends OrgItBase {

    private record Call(String caller, String method, String path, String body, int expected) {}

    @Test
    void everyUsersEndpointFollowsKeycloakUserPermissions() {
        String a = OrgFixtures.createOrg(http, "Org IT Users Authz A", "users-authz-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Users Authz B", "users-authz-b-it.example");
        OidcClient.Response created = http.post("/" + a + "/users", "{\"email\":\"victim@users-authz-a-it.example\"}");
        assertEquals(201, created.status(), created.body());
        String victim = created.field("id");
        assertEquals(201, http.post("/" + a + "/metakeys", "{\"key\":\"uid\"}").status());
        OidcClient.Response own = http.post("/" + b + "/users", "{\"email\":\"own@users-authz-b-it.example\"}");
        assertEquals(201, own.status(), own.body());
        String ownUser = own.field("id");
        assertEquals(201, http.post("/" + b + "/metakeys", "{\"key\":\"uid\"}").status());

        Map<String, OrgHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", new OrgHttp(null));
        callers.put("no-role", OrgFixtures.callerOf(admin, masterUser("org-it-users-norole")));
        String viewer = masterUser("org-it-users-viewer");
        Users.grantClientRoles(admin, "master", viewer, a + "-realm", "view-users");
        callers.put("a-viewer", OrgFixtures.callerOf(admin, viewer));
        String userManager = masterUser("org-it-users-manager");
        Users.grantClientRoles(admin, "master", userManager, a + "-realm", "view-users", "manage-users");
        callers.put("a-user-manager", OrgFixtures.callerOf(admin, userManager));
        String bManager = masterUser("org-it-users-b-manager");
        Users.grantClientRoles(
                admin, "master", bManager, b + "-realm", "view-users", "manage-users", "view-realm", "manage-realm");
        callers.put("b-manager", OrgFixtures.callerOf(admin, bManager));
        // Organization B's own administrator: realm-admin in B's realm, token from B's realm.
        OrgFixtures.prepareRealm(admin, b);
        String tenantAdmin = OrgFixtures.createUser(admin, b, "tenant-admin", "tenant-admin@users-authz-b-it.example");
        Users.grantClientRoles(admin, b, tenantAdmin, "realm-management", "realm-admin");
        String tenantToken = Users.adminCliToken(b, "tenant-admin", OrgFixtures.PASSWORD);
        callers.put("b-realm-admin", new OrgHttp(() -> tenantToken));
        callers.put("admin", http);

        List<Call> table = new ArrayList<>();
        for (String caller : List.of("anonymous", "no-role", "b-manager", "b-realm-admin")) {
            int expected = caller.equals("anonymous") ? 401 : 403;
            onUsers(table, caller, a, victim, expected, expected);
        }
        // view-users on A: reads only.
        onUsers(table, "a-viewer", a, victim, 200, 403);
        // manage-users on A: users and metadata, but not the realm's user profile (declaring a metakey).
        table.add(new Call("a-user-manager", "GET", "/" + a + "/users", null, 200));
        table.add(new Call("a-user-manager", "PUT", "/" + a + "/users/" + victim, "{\"nickname\":\"m\"}", 200));
        table.add(new Call(
                "a-user-manager",
                "PUT",
                "/" + a + "/users/" + victim + "/add-metadata",
                "{\"key\":\"uid\",\"value\":\"m\"}",
                200));
        table.add(new Call("a-user-manager", "POST", "/" + a + "/metakeys", "{\"key\":\"other\"}", 403));
        // B's manager through its own organization path: A's user id is not there (404), its own user is.
        table.add(new Call("b-manager", "GET", "/" + b + "/users/" + victim, null, 404));
        table.add(new Call("b-manager", "PUT", "/" + b + "/users/" + victim, "{\"nickname\":\"x\"}", 404));
        table.add(new Call("b-manager", "DELETE", "/" + b + "/users/" + victim, null, 404));
        table.add(new Call("b-manager", "GET", "/" + b + "/users/" + ownUser, null, 200));
        table.add(new Call("b-manager", "POST", "/" + b + "/metakeys", "{\"key\":\"bkey\"}", 201));
        // The global admin may do everything.
        onUsers(table, "admin", a, victim, 200, 200);

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OidcClient.Response response =
                    OrgUsersIT.call(callers.get(call.caller()), call.method(), call.path(), call.body());
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        // Control: B's realm administrator's token works on its own realm through Keycloak's own API.
        OidcClient.Response ownRealm = OidcClient.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(OrgHttp.SERVER + "/admin/realms/" + b + "/users"))
                .header("Authorization", "Bearer " + tenantToken)
                .build());
        assertEquals(200, ownRealm.status(), ownRealm.body());
        // The refused creations made nothing: A holds its first user and the admin's only.
        List<String> emails = new ArrayList<>();
        http.get("/" + a + "/users")
                .json()
                .get("data")
                .forEach(u -> emails.add(u.get("email").asText()));
        assertEquals(List.of("new-admin@users-authz-a-it.example", "victim@users-authz-a-it.example"), emails);
    }

    /**
     * The calls of {@code caller} on organization {@code slug}'s users: reads answer {@code read}, changes
     * {@code write}. The table ends with the delete, so a caller allowed to write removes the user last.
     */
    private static void onUsers(List<Call> table, String caller, String slug, String user, int read, int write) {
        String users = "/" + slug + "/users";
        table.add(new Call(caller, "GET", users, null, read));
        table.add(new Call(caller, "GET", users + "/" + user, null, read));
        table.add(new Call(caller, "GET", "/" + slug + "/metakeys", null, read));
        table.add(new Call(
                caller,
                "POST",
                users,
                "{\"email\":\"new-" + caller + "@" + slug.replace("org-it-users-authz-", "users-authz-")
                        + "-it.example\"}",
                write == 200 ? 201 : write));
        table.add(new Call(caller, "PUT", users + "/" + user, "{\"nickname\":\"" + caller + "\"}", write));
        table.add(new Call(
                caller,
                "PUT",
                users + "/" + user + "/add-metadata",
                "{\"key\":\"uid\",\"value\":\"" + caller + "\"}",
                write));
        table.add(new Call(caller, "PUT", users + "/" + user + "/remove-metadata", "{\"key\":\"uid\"}", write));
        table.add(new Call(caller, "POST", "/" + slug + "/metakeys", "{\"key\":\"uid\"}", write));
    }
}
