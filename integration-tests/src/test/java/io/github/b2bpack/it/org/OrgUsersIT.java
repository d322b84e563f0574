package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The users API ({@code /orgs/{domain}/users}, {@code /orgs/{domain}/metakeys}) against the real server: Cryptr's
 * User shape, the organization realm's user profile and email-domain rule, metadata that survives Keycloak's own
 * admin API, Keycloak's USER admin events in the organization's realm, newest-first paging and search,
 * environments, and bad input answered 4xx.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgUsersIT extends OrgItBase {

    private static final String LYLA = "{\"profile\":{\"email\":\"Lyla@users-it.example\",\"given_name\":\"Lyla\","
            + "\"family_name\":\"Bloggs\",\"birthdate\":\"1992-03-10\",\"gender\":\"female\",\"nickname\":\"lylaB\","
            + "\"picture\":\"http://www.example.com/avatar.jpeg\",\"website\":\"http://www.example.com\","
            + "\"zoneinfo\":\"France/Lille\",\"phone_number\":\"+33 1 23 45 67 89\","
            + "\"address\":{\"country\":\"FR\",\"formatted\":\"165 avenue de Bretagne\\n59000 Lille, France\","
            + "\"locality\":\"Lille\",\"postal_code\":\"59000\",\"region\":\"Nord\","
            + "\"street_address\":\"165 avenue de Bretagne\"}}}";

    @Test
    void userLifecycleInCryptrShapeWithMetadataAndAdminEvents() {
        String slug = OrgFixtures.createOrg(http, "Org IT Users", "users-it.example");
        enableAdminEvents(slug);
        String users = "/" + slug + "/users";

        OidcClient.Response created = http.post(users, LYLA);
        assertEquals(201, created.status(), created.body());
        JsonNode user = created.json();
        String id = user.get("id").asText();
        assertEquals("User", user.get("__type__").asText());
        assertEquals(slug, user.get("__domain__").asText());
        assertEquals("production", user.get("__environment__").asText());
        assertTrue(user.get("active").asBoolean());
        assertEquals("lyla@users-it.example", user.get("email").asText(), "Keycloak lower-cases emails");
        assertFalse(user.get("email_verified").asBoolean());
        assertEquals("+33123456789", user.get("phone_number").asText());
        assertEquals("Lyla", user.at("/profile/given_name").asText());
        assertEquals("Bloggs", user.at("/profile/family_name").asText());
        assertEquals("lylaB", user.at("/profile/nickname").asText());
        assertEquals("1992-03-10", user.at("/profile/birthdate").asText());
        assertEquals(
                "lyla@users-it.example", user.at("/profile/preferred_username").asText());
        assertEquals(
                "165 avenue de Bretagne", user.at("/address/street_address").asText());
        assertEquals(
                "165 avenue de Bretagne\n59000 Lille, France",
                user.at("/address/formatted").asText());
        assertEquals(0, user.get("meta_data").size());
        assertNotNull(user.get("inserted_at").asText());

        // Read back by id and by email (Cryptr's "Retrieve a User By Email or ID").
        assertEquals(user, http.get(users + "/" + id).json());
        assertEquals(user, http.get(users + "/LYLA%40users-it.example").json());

        // In Keycloak: the username is the email, the claims sit in the attributes its profile mappers read, and
        // the realm's user profile declares them for administrators only.
        UserRepresentation kc = admin.realm(slug).users().get(id).toRepresentation();
        assertEquals("lyla@users-it.example", kc.getUsername());
        assertEquals(List.of("lylaB"), kc.getAttributes().get("nickname"));
        assertEquals(List.of("165 avenue de Bretagne"), kc.getAttributes().get("street"));
        UPConfig profile = admin.realm(slug).users().userProfile().getConfiguration();
        for (String name : List.of("nickname", "birthdate", "phoneNumber", "street", "postal_code")) {
            UPAttribute declared = profile.getAttribute(name);
            assertNotNull(declared, name);
            assertEquals(java.util.Set.of("admin"), declared.getPermissions().getEdit(), name);
        }

        OidcClient.Response updated = http.put(
                users + "/" + id,
                "{\"given_name\":\"Lyla-Rose\",\"nickname\":null,\"address\":{\"region\":\"Hauts-de-France\"},"
                        + "\"email_verified\":true}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Lyla-Rose", updated.json().at("/profile/given_name").asText());
        assertTrue(updated.json().at("/profile/nickname").isNull(), updated.body());
        assertEquals("Hauts-de-France", updated.json().at("/address/region").asText());
        assertEquals("Lille", updated.json().at("/address/locality").asText(), "absent fields stay");
        assertTrue(updated.json().get("email_verified").asBoolean());

        // A new email is unverified; the username stays (the template keeps Keycloak's editUsernameAllowed off).
        OidcClient.Response moved =
                http.put(users + "/" + id, "{\"email\":\"lyla.bloggs@users-it.example\",\"active\":false}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("lyla.bloggs@users-it.example", moved.field("email"));
        assertEquals(
                "lyla@users-it.example",
                moved.json().at("/profile/preferred_username").asText());
        assertFalse(moved.json().get("email_verified").asBoolean());
        assertFalse(moved.json().get("active").asBoolean());

        // Metadata: the key must be declared first (Cryptr's Metakey).
        OidcClient.Response undeclared =
                http.put(users + "/" + id + "/add-metadata", "{\"key\":\"uid\",\"value\":\"x\"}");
        assertEquals(400, undeclared.status(), undeclared.body());
        assertEquals("metakey_not_declared", undeclared.field("error"));
        OidcClient.Response declared = http.post("/" + slug + "/metakeys", "{\"key\":\"uid\"}");
        assertEquals(201, declared.status(), declared.body());
        assertEquals("b2bpack.meta.uid", declared.field("attribute"));
        assertEquals(
                200, http.post("/" + slug + "/metakeys", "{\"key\":\"uid\"}").status(), "declared already");
        assertEquals(
                "uid",
                http.get("/" + slug + "/metakeys").json().get(0).get("key").asText());
        // Cryptr's form encoding works as well as JSON.
        OidcClient.Response added = http.put(users + "/" + id + "/add-metadata", "key=uid&value=2fa42937");
        assertEquals(200, added.status(), added.body());
        assertEquals(
                "[{\"key\":\"uid\",\"value\":\"2fa42937\"}]",
                added.json().get("meta_data").toString());

        // Keycloak's own admin API (as the console) rewrites the user: the declared attributes survive it.
        UserRepresentation viaConsole = admin.realm(slug).users().get(id).toRepresentation();
        viaConsole.setLastName("Bloggs-Smith");
        admin.realm(slug).users().get(id).update(viaConsole);
        JsonNode afterConsole = http.get(users + "/" + id).json();
        assertEquals("Bloggs-Smith", afterConsole.at("/profile/family_name").asText());
        assertEquals("2fa42937", afterConsole.at("/meta_data/0/value").asText());
        assertEquals("+33123456789", afterConsole.get("phone_number").asText());

        OidcClient.Response removed = http.put(users + "/" + id + "/remove-metadata", "{\"key\":\"uid\"}");
        assertEquals(200, removed.status(), removed.body());
        assertEquals(0, removed.json().get("meta_data").size());

        OidcClient.Response deleted = http.delete(users + "/" + id);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(id, deleted.field("id"));
        assertEquals(404, http.get(users + "/" + id).status());
        assertEquals(404, http.delete(users + "/" + id).status());

        // Keycloak's USER admin events in the organization's realm, for its listeners (the webhooks).
        List<String> operations = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (JsonNode event : adminEvents(slug, "USER")) {
            if (event.path("resourcePath").asText().equals("users/" + id)) {
                operations.add(event.get("operationType").asText());
                String representation = event.path("representation").asText("");
                if (representation.contains("\"__type__\":\"User\"")) {
                    ours.add(representation);
                }
            }
        }
        // Newest first: delete, remove, the console's update, add, the email change, update, create.
        assertEquals(List.of("DELETE", "UPDATE", "UPDATE", "UPDATE", "UPDATE", "UPDATE", "CREATE"), operations);
        assertEquals(6, ours.size(), "the API's six events carry the Cryptr User");
        ours.forEach(r -> assertFalse(r.contains("+33123456789"), "no phone number in full in our events: " + r));
        List<String> metakeyEvents = new ArrayList<>();
        adminEvents(slug, null).forEach(e -> {
            if (e.path("resourcePath").asText().equals("metakeys/uid")) {
                metakeyEvents.add(e.path("resourceType").asText() + " "
                        + e.get("operationType").asText());
            }
        });
        assertEquals(List.of("ORGANIZATION_METAKEY CREATE"), metakeyEvents);
    }

    @Test
    void listIsNewestFirstPagedSearchableAndPerEnvironment() {
        String slug = OrgFixtures.createOrg(http, "Org IT Users List", "users-list-it.example");
        String users = "/" + slug + "/users";
        OrgFixtures.prepareRealm(admin, slug);
        List<String> names = List.of("ada", "grace", "linus", "barbara", "ken");
        for (String name : names) {
            OidcClient.Response created = http.post(
                    users, "{\"email\":\"" + name + "@users-list-it.example\",\"given_name\":\"" + name + "\"}");
            assertEquals(201, created.status(), created.body());
        }
        // A user Keycloak's own API made is listed too; its service accounts are not.
        OrgFixtures.createUser(admin, slug, "console-made", "console_made@users-list-it.example");
        List<UserRepresentation> all = admin.realm(slug).users().list(0, 100);
        List<String> expected = all.stream()
                .filter(u -> u.getServiceAccountClientId() == null)
                .sorted(Comparator.comparing(UserRepresentation::getCreatedTimestamp)
                        .reversed()
                        .thenComparing(UserRepresentation::getId))
                .map(UserRepresentation::getEmail)
                .toList();
        assertEquals(6, expected.size(), expected.toString());

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode list = http.get(users + "?per_page=2&page=" + page).json();
            assertEquals("List", list.get("__type__").asText());
            assertEquals(6, list.get("total").asInt());
            assertEquals(page, list.at("/pagination/current_page").asInt());
            assertEquals(3, list.at("/pagination/total_pages").asInt());
            assertEquals(page == 3, list.at("/pagination/next_page").isNull());
            assertEquals(page == 1, list.at("/pagination/prev_page").isNull());
            list.get("data").forEach(u -> seen.add(u.get("email").asText()));
        }
        assertEquals(expected, seen, "newest first");
        assertEquals(
                0, http.get(users + "?per_page=2&page=4").json().get("data").size());

        assertEquals(List.of("grace@users-list-it.example"), emails(users + "?search=RAC"));
        assertEquals(
                List.of("barbara@users-list-it.example"), emails(users + "?email=Barbara%40users-list-it.example"));
        // LIKE's wildcards are literal: "_" matches only the console-made user's underscore.
        assertEquals(List.of("console_made@users-list-it.example"), emails(users + "?search=_"));
        assertEquals(List.of(), emails(users + "?search=%25"));

        // Environments: no sandbox yet (404); once up, its realm has its own users.
        OidcClient.Response noSandbox = http.get(users + "?environment=sandbox");
        assertEquals(404, noSandbox.status(), noSandbox.body());
        assertPut(200, slug, "{\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"}]}");
        assertEquals(
                0, http.get(users + "?environment=sandbox").json().get("total").asInt());
        OidcClient.Response inSandbox =
                http.post(users + "?environment=sandbox", "{\"email\":\"ada@users-list-it.example\"}");
        assertEquals(201, inSandbox.status(), inSandbox.body());
        assertEquals("sandbox", inSandbox.field("__environment__"));
        String sandboxId = inSandbox.field("id");
        assertEquals(404, http.get(users + "/" + sandboxId).status(), "not in production");
        assertEquals(
                200, http.get(users + "/" + sandboxId + "?environment=sandbox").status());
    }

    @Test
    void badInputGetsAClear4xxNeverA500() {
        String slug = OrgFixtures.createOrg(http, "Org IT Users Bad", "users-bad-it.example");
        String other = OrgFixtures.createOrg(http, "Org IT Users Other", "users-other-it.example");
        String pending = OrgFixtures.createPendingOrg(http, "Org IT Users Pending", "users-pending-it.example");
        String users = "/" + slug + "/users";
        OidcClient.Response first = http.post(users, "{\"email\":\"taken@users-bad-it.example\"}");
        assertEquals(201, first.status(), first.body());
        String id = first.field("id");
        OidcClient.Response otherUser = http.post("/" + other + "/users", "{\"email\":\"x@users-other-it.example\"}");
        assertEquals(201, otherUser.status(), otherUser.body());
        String otherId = otherUser.field("id");
        assertEquals(
                201, http.post("/" + slug + "/metakeys", "{\"key\":\"uid\"}").status());

        // {method, path, body, status, error code}
        List<String[]> table = List.of(
                new String[] {"POST", users, "{", "400", "invalid_request"},
                new String[] {"POST", users, "[]", "400", "invalid_request"},
                new String[] {"POST", users, "", "400", "invalid_request"},
                new String[] {"POST", users, "{\"given_name\":\"No Email\"}", "400", "invalid_request"},
                new String[] {
                    "POST", users, "{\"email\":\"a@users-bad-it.example\",\"role\":\"admin\"}", "400", "invalid_request"
                },
                new String[] {
                    "POST",
                    users,
                    "{\"email\":\"a@users-bad-it.example\",\"nickname\":\"" + "x".repeat(20_000) + "\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {
                    "POST",
                    users,
                    "{\"email\":\"a@users-bad-it.example\",\"nickname\":\"" + "x".repeat(256) + "\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {
                    "POST",
                    users,
                    "{\"email\":\"a@users-bad-it.example\",\"picture\":\"javascript:x\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {"POST", users, "{\"email\":\"a@elsewhere.example\"}", "400", "email_domain_not_allowed"},
                new String[] {
                    "POST",
                    "/" + pending + "/users",
                    "{\"email\":\"a@users-pending-it.example\"}",
                    "400",
                    "email_domain_not_allowed"
                },
                new String[] {"POST", users, "{\"email\":\"TAKEN@users-bad-it.example\"}", "409", "user_exists"},
                new String[] {
                    "POST",
                    users,
                    "{\"email\":\"a@users-bad-it.example\",\"locale\":\"fr\"}",
                    "400",
                    "locale_not_supported"
                },
                new String[] {
                    "POST",
                    users + "?environment=staging",
                    "{\"email\":\"a@users-bad-it.example\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {"GET", users + "?per_page=0", null, "400", "invalid_request"},
                new String[] {"GET", users + "?per_page=101", null, "400", "invalid_request"},
                new String[] {"GET", users + "?page=x", null, "400", "invalid_request"},
                new String[] {"GET", users + "/" + "0".repeat(300), null, "404", "not_found"},
                new String[] {"GET", users + "/no-such-id", null, "404", "not_found"},
                new String[] {"GET", users + "/" + otherId, null, "404", "not_found"},
                new String[] {"PUT", users + "/" + otherId, "{\"nickname\":\"x\"}", "404", "not_found"},
                new String[] {"DELETE", users + "/" + otherId, null, "404", "not_found"},
                new String[] {
                    "PUT",
                    users + "/" + otherId + "/add-metadata",
                    "{\"key\":\"uid\",\"value\":\"x\"}",
                    "404",
                    "not_found"
                },
                new String[] {"GET", "/org-it-nobody/users", null, "404", "not_found"},
                new String[] {"PUT", users + "/" + id, "{\"email\":null}", "400", "invalid_request"},
                new String[] {
                    "PUT", users + "/" + id, "{\"email\":\"a@elsewhere.example\"}", "400", "email_domain_not_allowed"
                },
                new String[] {"PUT", users + "/" + id, "{\"birthdate\":\"1992-02-30\"}", "400", "invalid_request"},
                new String[] {"PUT", users + "/" + id + "/add-metadata", "{\"key\":\"uid\"}", "400", "invalid_request"},
                new String[] {
                    "PUT",
                    users + "/" + id + "/add-metadata",
                    "{\"key\":\"uid\",\"value\":\"" + "v".repeat(256) + "\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {
                    "PUT",
                    users + "/" + id + "/add-metadata",
                    "{\"key\":\"Bad-Key\",\"value\":\"x\"}",
                    "400",
                    "invalid_request"
                },
                new String[] {
                    "PUT",
                    users + "/" + id + "/add-metadata",
                    "{\"key\":\"nope\",\"value\":\"x\"}",
                    "400",
                    "metakey_not_declared"
                },
                new String[] {
                    "PUT", users + "/" + id + "/remove-metadata", "{\"key\":\"nope\"}", "400", "metakey_not_declared"
                },
                new String[] {"POST", "/" + slug + "/metakeys", "{\"key\":\"b2bpack.meta.x\"}", "400", "invalid_request"
                },
                new String[] {
                    "POST", "/" + slug + "/metakeys", "{\"key\":\"" + "k".repeat(41) + "\"}", "400", "invalid_request"
                });
        List<String> mismatches = new ArrayList<>();
        for (String[] row : table) {
            OidcClient.Response response = call(http, row[0], row[1], row[2]);
            String code = response.status() >= 400 && response.body().startsWith("{") ? response.field("error") : null;
            if (response.status() != Integer.parseInt(row[3]) || !row[4].equals(code)) {
                mismatches.add(row[0] + " " + abbreviated(row[1]) + " " + abbreviated(row[2]) + " → "
                        + response.status() + " " + abbreviated(response.body()));
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));

        // Nothing half-made: one user in the organization, untouched; the other organization's user untouched.
        JsonNode list = http.get(users).json();
        assertEquals(1, list.get("total").asInt(), list.toString());
        assertEquals("taken@users-bad-it.example", list.at("/data/0/email").asText());
        assertEquals(0, list.at("/data/0/meta_data").size());
        assertEquals(200, http.get("/" + other + "/users/" + otherId).status());

        // The metakey cap: 50 a realm.
        for (int i = 1; i < 50; i++) {
            assertEquals(
                    201,
                    http.post("/" + slug + "/metakeys", "{\"key\":\"k" + i + "\"}")
                            .status());
        }
        OidcClient.Response tooMany = http.post("/" + slug + "/metakeys", "{\"key\":\"k50\"}");
        assertEquals(400, tooMany.status(), tooMany.body());
        assertEquals("too_many_metakeys", tooMany.field("error"));
    }

    static OidcClient.Response call(OrgHttp caller, String method, String path, String body) {
        return switch (method) {
            case "GET" -> caller.get(path);
            case "POST" -> caller.post(path, body);
            case "PUT" -> caller.put(path, body);
            case "DELETE" -> caller.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private List<String> emails(String path) {
        OidcClient.Response response = http.get(path);
        assertEquals(200, response.status(), response.body());
        List<String> emails = new ArrayList<>();
        response.json().get("data").forEach(u -> emails.add(u.get("email").asText()));
        return emails;
    }

    private void enableAdminEvents(String realm) {
        RealmRepresentation rep = admin.realm(realm).toRepresentation();
        rep.setAdminEventsEnabled(true);
        rep.setAdminEventsDetailsEnabled(true);
        admin.realm(realm).update(rep);
    }

    private JsonNode adminEvents(String realm, String resourceType) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max", "100");
        if (resourceType != null) {
            query.put("resourceTypes", resourceType);
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) ->
                q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
        return OidcClient.send(HttpRequest.newBuilder(
                                URI.create(OrgHttp.SERVER + "/admin/realms/" + realm + "/admin-events" + q))
                        .header(
                                "Authorization",
                                "Bearer " + admin.tokenManager().getAccessTokenString())
                        .build())
                .json();
    }
}
