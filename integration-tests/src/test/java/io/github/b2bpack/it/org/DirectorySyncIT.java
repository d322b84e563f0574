package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Directory Sync (issue 14): the admin API {@code /orgs/{domain}/directory-sync} in Cryptr's shape, and a SCIM
 * client driving the organization's endpoint with the token it hands out — users and groups through create, get,
 * filters, PUT, PATCH, deactivate and delete, RFC 7644 list and error bodies, the email-domain rule, sessions
 * ended on deprovisioning, the {@code dir_sync.user.*} events, tokens refused across organizations, after a reset
 * or while inactive, and bad input answered 4xx.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class DirectorySyncIT extends OrgItBase {

    @Test
    void directorySyncLifecycleAndScimUsersAndGroups() {
        String a = OrgFixtures.createOrg(http, "Org IT Scim A", "scim-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Scim B", "scim-b-it.example");
        OrgFixtures.prepareRealm(admin, a);
        enableUserEvents(a);
        String sync = "/" + a + "/directory-sync";

        // Create: Cryptr's DirectorySync with the token shown once; a second one is 409.
        OidcClient.Response created = http.post(sync, "");
        assertEquals(201, created.status(), created.body());
        JsonNode rep = created.json();
        assertEquals("DirectorySync", rep.get("__type__").asText());
        assertEquals(a, rep.get("__domain__").asText());
        assertEquals("production", rep.get("__environment__").asText());
        assertTrue(rep.get("active").asBoolean());
        assertTrue(rep.get("provider_type").isNull());
        String token = rep.at("/auth_secret_token/value").asText();
        assertTrue(token.startsWith(a + ".production." + rep.get("id").asText() + "."), token);
        assertTrue(rep.at("/auth_secret_token/hint").asText().startsWith("You must save this value."));
        String base = rep.get("scim_base_url").asText();
        assertEquals(OrgHttp.SERVER + "/realms/" + a + "/directory-sync/scim/v2", base);
        OidcClient.Response second = http.post(sync, "");
        assertEquals(409, second.status(), second.body());
        assertEquals("directory_sync_exists", second.field("error"));
        OidcClient.Response read = http.get(sync);
        assertEquals(200, read.status(), read.body());
        assertEquals("hidden", read.json().at("/auth_secret_token/value").asText());
        assertFalse(read.body().contains(token.substring(token.lastIndexOf('.') + 1)), "the token is shown once");

        ScimHttp scim = new ScimHttp(base, token);
        OidcClient.Response config = scim.get("/ServiceProviderConfig");
        assertEquals(200, config.status(), config.body());
        assertTrue(config.json().at("/patch/supported").asBoolean(), config.body());
        assertFalse(config.json().at("/etag/supported").asBoolean(), "ETag: Keycloak 26.7.3 states no support");

        // Provision a user; it is the organization's user in the users API.
        OidcClient.Response ada = scim.post("/Users", adaJson(null, "Lovelace", true));
        assertEquals(201, ada.status(), ada.body());
        String id = ada.field("id");
        assertEquals("User", ada.json().at("/meta/resourceType").asText());
        assertEquals(base + "/Users/" + id, ada.json().at("/meta/location").asText());
        assertEquals(200, scim.get("/Users/" + id).status());
        assertEquals(id, http.get("/" + a + "/users/ada%40scim-a-it.example").field("id"));

        // Filters: userName eq and emails.value eq, answered as RFC 7644 ListResponses.
        for (String filter :
                List.of("userName eq \"ada@scim-a-it.example\"", "emails.value eq \"ada@scim-a-it.example\"")) {
            OidcClient.Response found = scim.get("/Users?filter=" + enc(filter));
            assertEquals(200, found.status(), found.body());
            JsonNode list = found.json();
            assertEquals(ScimHttp.LIST_SCHEMA, list.at("/schemas/0").asText());
            assertEquals(1, list.get("totalResults").asInt(), filter + ": " + found.body());
            assertEquals(id, list.at("/Resources/0/id").asText());
        }
        assertEquals(
                0,
                scim.get("/Users?filter=" + enc("userName eq \"nobody@scim-a-it.example\""))
                        .json()
                        .get("totalResults")
                        .asInt());

        // PUT replaces; a PATCH replaces one attribute.
        OidcClient.Response put = scim.put("/Users/" + id, adaJson(id, "King", true));
        assertEquals(200, put.status(), put.body());
        assertEquals("King", put.json().at("/name/familyName").asText());
        OidcClient.Response patched = scim.patch(
                "/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Augusta\"}"));
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Augusta", patched.json().at("/name/givenName").asText());

        // An address outside the organization's domains: invalidValue, on create and on PATCH, nothing written.
        OidcClient.Response outside = scim.post(
                "/Users",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA
                        + "\"],\"userName\":\"eve@evil.example\",\"emails\":[{\"value\":\"eve@evil.example\"}]}");
        assertScimError(outside, 400, "invalidValue");
        assertScimError(
                scim.patch(
                        "/Users/" + id,
                        patch("{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"ada@evil.example\"}]}")),
                400,
                "invalidValue");
        assertEquals(
                "ada@scim-a-it.example",
                scim.get("/Users/" + id).json().at("/emails/0/value").asText());

        // Deprovisioning (active false) disables the user and ends their sessions.
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(OrgFixtures.PASSWORD);
        password.setTemporary(false);
        admin.realm(a).users().get(id).resetPassword(password);
        org.keycloak.representations.idm.UserRepresentation ready =
                admin.realm(a).users().get(id).toRepresentation();
        ready.setRequiredActions(List.of());
        ready.setEmailVerified(true);
        admin.realm(a).users().get(id).update(ready);
        Users.adminCliToken(a, "ada@scim-a-it.example", OrgFixtures.PASSWORD);
        assertEquals(1, admin.realm(a).users().get(id).getUserSessions().size());
        OidcClient.Response off =
                scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().get("active").asBoolean());
        assertFalse(admin.realm(a).users().get(id).toRepresentation().isEnabled());
        assertEquals(0, admin.realm(a).users().get(id).getUserSessions().size(), "sessions ended");
        assertFalse(http.get("/" + a + "/users/" + id).json().get("active").asBoolean());
        OidcClient.Response on = scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":true}}"));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().get("active").asBoolean());

        // Groups: create with a member (the pack applies it as Keycloak's PATCH), filter, PATCH, PUT, delete.
        OidcClient.Response group = scim.post(
                "/Groups",
                "{\"schemas\":[\"" + ScimHttp.GROUP_SCHEMA
                        + "\"],\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + id + "\"}]}");
        assertEquals(201, group.status(), group.body());
        String gid = group.field("id");
        assertEquals(200, scim.get("/Groups/" + gid).status());
        assertEquals(List.of(id), memberIds(a, gid));
        OidcClient.Response groups = scim.get("/Groups?filter=" + enc("displayName eq \"Engineering\""));
        assertEquals(1, groups.json().get("totalResults").asInt(), groups.body());
        OidcClient.Response renamed =
                scim.patch("/Groups/" + gid, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R&D\"}"));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("R&D", renamed.field("displayName"));
        OidcClient.Response emptied = scim.put(
                "/Groups/" + gid,
                "{\"schemas\":[\"" + ScimHttp.GROUP_SCHEMA + "\"],\"id\":\"" + gid
                        + "\",\"displayName\":\"Research\",\"members\":[]}");
        assertEquals(200, emptied.status(), emptied.body());
        assertEquals("Research", emptied.field("displayName"));
        assertEquals(List.of(), memberIds(a, gid), "a PUT replaces the members");
        OidcClient.Response joined = scim.patch(
                "/Groups/" + gid,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}"));
        assertEquals(200, joined.status(), joined.body());
        assertEquals(List.of(id), memberIds(a, gid));
        OidcClient.Response left = scim.patch(
                "/Groups/" + gid, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}"));
        assertEquals(200, left.status(), left.body());
        assertEquals(List.of(), memberIds(a, gid));
        OidcClient.Response stranger = scim.post(
                "/Groups",
                "{\"schemas\":[\"" + ScimHttp.GROUP_SCHEMA
                        + "\"],\"displayName\":\"Strangers\",\"members\":[{\"value\":\"no-such-user\"}]}");
        assertEquals(400, stranger.status(), stranger.body());
        assertEquals(
                0,
                scim.get("/Groups?filter=" + enc("displayName eq \"Strangers\""))
                        .json()
                        .get("totalResults")
                        .asInt(),
                "the refused group was not created");
        assertEquals(204, scim.delete("/Groups/" + gid).status());
        assertScimError(scim.get("/Groups/" + gid), 404, null);

        // Delete: gone from SCIM and from the users API.
        assertEquals(204, scim.delete("/Users/" + id).status());
        assertScimError(scim.get("/Users/" + id), 404, null);
        assertEquals(404, http.get("/" + a + "/users/" + id).status());

        // The dir_sync.user.* events, in order (webhook codes dir_sync.user.<action>.success).
        List<String> packEvents = new ArrayList<>();
        newestLast(admin.realm(a).getEvents(null, null, id, null, null, null, 0, 100)).stream()
                .map(EventRepresentation::getDetails)
                .filter(details -> details != null && details.containsKey("b2bpack_event"))
                .forEach(details -> packEvents.add(details.get("b2bpack_event")));
        assertEquals(
                List.of(
                        "dir_sync.user.provision",
                        "dir_sync.user.update",
                        "dir_sync.user.update",
                        "dir_sync.user.deprovision",
                        "dir_sync.user.reactivate",
                        "dir_sync.user.delete"),
                packEvents);

        // Another organization: its endpoint refuses A's token; a reset kills the old token; inactive is 403.
        assertEquals(201, http.post("/" + b + "/directory-sync", "").status());
        ScimHttp atB = new ScimHttp(OrgHttp.SERVER + "/realms/" + b + "/directory-sync/scim/v2", token);
        assertScimError(atB.get("/Users"), 401, null);
        assertScimError(atB.withToken(null).get("/Users"), 401, null);
        assertScimError(scim.withToken(token + "x").get("/Users"), 401, null);
        OidcClient.Response reset = http.post(sync + "/reset", "");
        assertEquals(200, reset.status(), reset.body());
        String fresh = reset.json().at("/auth_secret_token/value").asText();
        assertNotEquals(token, fresh);
        assertScimError(scim.get("/Users"), 401, null);
        ScimHttp renewed = scim.withToken(fresh);
        assertEquals(200, renewed.get("/Users").status());
        OidcClient.Response inactive = http.put(sync + "?active=false", "");
        assertEquals(200, inactive.status(), inactive.body());
        assertFalse(inactive.json().get("active").asBoolean());
        assertScimError(renewed.get("/Users"), 403, null);
        assertEquals(200, http.put(sync, "{\"active\":true}").status());
        assertEquals(200, renewed.get("/Users").status());
        assertEquals(400, http.put(sync, "{\"active\":\"yes\"}").status());

        // Delete: the token dies with it.
        OidcClient.Response deleted = http.delete(sync);
        assertEquals(200, deleted.status(), deleted.body());
        assertScimError(renewed.get("/Users"), 401, null);
        assertEquals(404, http.get(sync).status());
    }

    @Test
    void badInputIsRefusedWith4xxAndLeavesNothing() {
        String a = OrgFixtures.createOrg(http, "Org IT Scim Input", "scim-input-it.example");
        OidcClient.Response created = http.post("/" + a + "/directory-sync", "");
        assertEquals(201, created.status(), created.body());
        ScimHttp scim = new ScimHttp(
                created.json().get("scim_base_url").asText(),
                created.json().at("/auth_secret_token/value").asText());

        // A 10 MB body (10,000,000 bytes: under the HTTP layer's 10 MiB limit, so the endpoint's own cap answers).
        String head = "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"big@scim-input-it.example\","
                + "\"displayName\":\"";
        String huge = head + "x".repeat(10_000_000 - head.length() - 2) + "\"}";
        assertEquals(10_000_000, huge.length());
        OidcClient.Response big = scim.post("/Users", huge);
        assertScimError(big, 413, null);

        // Filter injection: SQL-looking values are plain values; broken grammar is invalidFilter.
        OidcClient.Response quoted = scim.get("/Users?filter=" + enc("userName eq \"a' OR '1'='1\""));
        assertEquals(200, quoted.status(), quoted.body());
        assertEquals(0, quoted.json().get("totalResults").asInt());
        for (String filter : List.of(
                "userName eq \"x\" or 1=1",
                "userName eq \"x\") or (\"1\" eq \"1\"",
                "userName eq",
                "userName eq \"x\"; DROP TABLE USER_ENTITY",
                "(".repeat(50) + "userName eq \"x\"" + ")".repeat(50),
                "userName eq \"" + "x".repeat(3000) + "\"")) {
            OidcClient.Response refused = scim.get("/Users?filter=" + enc(filter));
            assertScimError(refused, 400, "invalidFilter");
        }

        // Malformed bodies and parameters.
        assertEquals(400, scim.post("/Users", "{not json").status());
        assertEquals(400, scim.post("/Users", "[]").status());
        assertEquals(
                400,
                scim.post("/Users", "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"]}")
                        .status());
        assertEquals(400, scim.get("/Users?startIndex=abc").status());
        assertEquals(200, scim.get("/Users?startIndex=-5&count=-1").status());
        assertEquals(404, scim.get("/Nope").status());
        OidcClient.Response noUser = scim.patch(
                "/Users/00000000-0000-0000-0000-000000000000",
                patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
        assertScimError(noUser, 404, null);
        OidcClient.Response noSchemas = scim.post("/Users", "{}");
        assertTrue(noSchemas.status() >= 400 && noSchemas.status() < 500, noSchemas.body());
        String first = scim.post(
                        "/Users",
                        "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA
                                + "\"],\"userName\":\"one@scim-input-it.example\",\"name\":{\"givenName\":\"One\","
                                + "\"familyName\":\"Input\"},\"emails\":[{\"value\":\"one@scim-input-it.example\"}]}")
                .field("id");
        assertEquals(400, scim.patch("/Users/" + first, "{\"Operations\":[]}").status());
        assertEquals(
                400,
                scim.patch("/Users/" + first, patch("{\"op\":\"explode\",\"path\":\"active\"}"))
                        .status());
        assertScimError(
                scim.patch("/Users/" + first, patch("{\"op\":\"add\",\"path\":\"active\"}")), 400, "invalidValue");
        assertScimError(
                scim.patch(
                        "/Users/" + first,
                        patch("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"\",\"value\":\"x\"}")),
                400,
                "invalidPath");
        OidcClient.Response duplicate = scim.post(
                "/Users",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA
                        + "\"],\"userName\":\"one@scim-input-it.example\",\"name\":{\"givenName\":\"One\","
                        + "\"familyName\":\"Input\"},\"emails\":[{\"value\":\"one@scim-input-it.example\"}]}");
        assertScimError(duplicate, 409, "uniqueness");
        // The realm's user profile applies (it requires a last name): Keycloak's validation error, nothing created.
        assertScimError(
                scim.post(
                        "/Users",
                        "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"two@scim-input-it.example\","
                                + "\"emails\":[{\"value\":\"two@scim-input-it.example\"}]}"),
                400,
                "invalidSyntax");

        // The directory sync's own service account is not a SCIM user, nor in the users API's list.
        String account = admin.realm(a)
                .clients()
                .findByClientId("b2bpack-directory-sync")
                .get(0)
                .getId();
        String accountUser =
                admin.realm(a).clients().get(account).getServiceAccountUser().getId();
        assertScimError(scim.get("/Users/" + accountUser), 404, null);
        List<String> emails = new ArrayList<>();
        http.get("/" + a + "/users")
                .json()
                .get("data")
                .forEach(u -> emails.add(u.get("email").asText()));
        assertEquals(
                List.of("one@scim-input-it.example"),
                emails.stream()
                        .filter(e -> e.startsWith("one") || e.startsWith("big"))
                        .toList());
        assertEquals(1, scim.get("/Users").json().get("totalResults").asInt(), "only the one user was created");
        // No OAuth grant works for the backing client.
        OidcClient.Response grant = OidcClient.postForm(
                OrgHttp.SERVER + "/realms/" + a + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "b2bpack-directory-sync",
                        "client_secret",
                        "x"));
        assertTrue(grant.status() == 400 || grant.status() == 401, grant.body());
    }

    @Test
    void directorySyncApiFollowsUserPermissions() {
        String a = OrgFixtures.createOrg(http, "Org IT Scim Authz A", "scim-authz-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Scim Authz B", "scim-authz-b-it.example");
        Map<String, OrgHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", new OrgHttp(null));
        callers.put("no-role", OrgFixtures.callerOf(admin, masterUser("org-it-scim-norole")));
        String viewer = masterUser("org-it-scim-viewer");
        Users.grantClientRoles(admin, "master", viewer, a + "-realm", "view-users");
        callers.put("a-viewer", OrgFixtures.callerOf(admin, viewer));
        String bManager = masterUser("org-it-scim-b-manager");
        Users.grantClientRoles(admin, "master", bManager, b + "-realm", "view-users", "manage-users", "manage-realm");
        callers.put("b-manager", OrgFixtures.callerOf(admin, bManager));
        OrgFixtures.prepareRealm(admin, b);
        String tenantAdmin = OrgFixtures.createUser(admin, b, "tenant-admin", "tenant-admin@scim-authz-b-it.example");
        Users.grantClientRoles(admin, b, tenantAdmin, "realm-management", "realm-admin");
        String tenantToken = Users.adminCliToken(b, "tenant-admin", OrgFixtures.PASSWORD);
        OrgHttp tenant = new OrgHttp(() -> tenantToken);
        callers.put("b-realm-admin", tenant);
        String manager = masterUser("org-it-scim-manager");
        Users.grantClientRoles(admin, "master", manager, a + "-realm", "view-users", "manage-users");
        callers.put("a-user-manager", OrgFixtures.callerOf(admin, manager));

        record Call(String caller, String method, String path, int expected) {}
        String sync = "/" + a + "/directory-sync";
        List<Call> table = new ArrayList<>();
        for (String caller : List.of("anonymous", "no-role", "a-viewer", "b-manager", "b-realm-admin")) {
            int refused = caller.equals("anonymous") ? 401 : 403;
            table.add(new Call(caller, "POST", sync, refused));
        }
        table.add(new Call("a-user-manager", "POST", sync, 201));
        for (String caller : List.of("anonymous", "no-role", "b-manager", "b-realm-admin")) {
            int refused = caller.equals("anonymous") ? 401 : 403;
            table.add(new Call(caller, "GET", sync, refused));
            table.add(new Call(caller, "PUT", sync + "?active=false", refused));
            table.add(new Call(caller, "POST", sync + "/reset", refused));
            table.add(new Call(caller, "DELETE", sync, refused));
        }
        table.add(new Call("a-viewer", "GET", sync, 200));
        table.add(new Call("a-viewer", "PUT", sync + "?active=false", 403));
        table.add(new Call("a-viewer", "POST", sync + "/reset", 403));
        table.add(new Call("a-viewer", "DELETE", sync, 403));
        // B's own realm administrator through B's realm path: A is not theirs (403); B's own works.
        table.add(new Call("b-realm-admin", "ORG-REALM-GET", "/" + a + "/directory-sync", 403));
        table.add(new Call("b-realm-admin", "ORG-REALM-POST", "/" + b + "/directory-sync", 201));
        table.add(new Call("a-user-manager", "PUT", sync + "?active=false", 200));
        table.add(new Call("a-user-manager", "POST", sync + "/reset", 200));
        table.add(new Call("a-user-manager", "DELETE", sync, 200));

        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OidcClient.Response response;
            if (call.method().startsWith("ORG-REALM-")) {
                String url = OrgHttp.SERVER + "/admin/realms/" + b + "/orgs" + call.path();
                response = OidcClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("Authorization", "Bearer " + tenantToken)
                        .method(
                                call.method().substring("ORG-REALM-".length()),
                                java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build());
            } else {
                response = OrgUsersIT.call(callers.get(call.caller()), call.method(), call.path(), "");
            }
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + abbreviated(response.body()));
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    private static void assertScimError(OidcClient.Response response, int status, String scimType) {
        assertEquals(status, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals(ScimHttp.ERROR_SCHEMA, body.at("/schemas/0").asText(), response.body());
        assertEquals(String.valueOf(status), body.get("status").asText(), response.body());
        if (scimType != null) {
            assertEquals(scimType, body.path("scimType").asText(), response.body());
        }
    }

    private List<String> memberIds(String realm, String groupId) {
        return admin.realm(realm).groups().group(groupId).members().stream()
                .map(org.keycloak.representations.idm.UserRepresentation::getId)
                .toList();
    }

    private static List<EventRepresentation> newestLast(List<EventRepresentation> events) {
        List<EventRepresentation> copy = new ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String adaJson(String id, String familyName, boolean active) {
        return "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"]," + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"userName\":\"ada@scim-a-it.example\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\""
                + familyName + "\"},\"emails\":[{\"value\":\"ada@scim-a-it.example\",\"primary\":true}],"
                + "\"active\":" + active + "}";
    }

    private static String patch(String operation) {
        return "{\"schemas\":[\"" + ScimHttp.PATCH_SCHEMA + "\"],\"Operations\":[" + operation + "]}";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private void enableUserEvents(String realm) {
        RealmRepresentation rep = admin.realm(realm).toRepresentation();
        rep.setEventsEnabled(true);
        rep.setAdminEventsEnabled(true);
        admin.realm(realm).update(rep);
    }
}
