package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The organization API against the real server: lifecycle, list paging and filter, slug and domain
 * rules, bad input, admin events, the realm template, email-domain enforcement through the admin
 * API, isolation between organization realms, and the discovery API and redirect.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgApiIT extends OrgItBase {

    @Test
    void organizationLifecycleMapsOntoRealmsAndEmitsAdminEvents() {
        boolean adminEventsBefore = enableMasterAdminEvents(true);
        try {
            long start = System.currentTimeMillis();
            OidcClient.Response created = http.post(
                    "", "{\"name\":\"Org IT Lifecycle Société\",\"allowed_email_domains\":[\"Lifecycle.Example\"]}");
            assertEquals(201, created.status(), created.body());
            JsonNode org = created.json();
            String slug = "org-it-lifecycle-societe";
            assertEquals("Organization", org.get("__type__").asText());
            assertEquals(slug, org.get("domain").asText());
            assertEquals("Org IT Lifecycle Société", org.get("name").asText());
            assertEquals(
                    "lifecycle.example", org.get("allowed_email_domains").get(0).asText());
            assertEquals(Map.of("production", "up", "sandbox", "down"), statuses(org));
            assertFalse(Instant.parse(org.get("inserted_at").asText()).isBefore(Instant.ofEpochMilli(start - 1000)));

            // The production realm is the slug (name and id), built from the shipped template.
            RealmRepresentation realm = admin.realm(slug).toRepresentation();
            assertEquals(slug, realm.getId());
            assertEquals("Org IT Lifecycle Société", realm.getDisplayName());
            assertTrue(realm.getPasswordPolicy().contains("hashAlgorithm(argon2-native)"), realm.getPasswordPolicy());
            assertTrue(realm.getPasswordPolicy().contains("zxcvbn"), realm.getPasswordPolicy());
            assertTrue(realm.getPasswordPolicy().contains("hibp"), realm.getPasswordPolicy());
            assertEquals("b2bpack browser", realm.getBrowserFlow());
            assertTrue(
                    realm.getEventsListeners().contains("webhooks"),
                    realm.getEventsListeners().toString());
            List<String> browserAuthenticators = admin.realm(slug).flows().getExecutions("b2bpack browser").stream()
                    .map(e -> e.getProviderId())
                    .toList();
            assertTrue(browserAuthenticators.contains("breached-password-check"), browserAuthenticators.toString());
            assertTrue(browserAuthenticators.contains("sms-otp-form"), browserAuthenticators.toString());
            assertEquals(1, admin.realm(slug).clients().findByClientId("app").size());
            // Other modules (webhook payloads) learn the organization from these realm attributes.
            assertEquals(slug, realm.getAttributes().get("b2bpack.org.domain"));
            assertEquals("production", realm.getAttributes().get("b2bpack.org.environment"));
            // Lets listings skip the database read of a sandbox realm that was never created.
            assertEquals("none", realm.getAttributes().get("b2bpack.org.sandbox-realm"));

            assertEquals(org, http.get("/" + slug).json());

            OidcClient.Response renamedDomain = http.put("/" + slug, "{\"domain\":\"another-slug\"}");
            assertEquals(400, renamedDomain.status(), renamedDomain.body());
            assertEquals("immutable_domain", renamedDomain.field("error"));

            OidcClient.Response updated = http.put(
                    "/" + slug,
                    "{\"name\":\"Org IT Lifecycle Renamed\",\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"}]}");
            assertEquals(200, updated.status(), updated.body());
            assertEquals(slug, updated.field("domain"));
            assertEquals("Org IT Lifecycle Renamed", updated.field("name"));
            assertEquals(Map.of("production", "up", "sandbox", "up"), statuses(updated.json()));
            RealmRepresentation sandbox = admin.realm(slug + "--sandbox").toRepresentation();
            assertTrue(sandbox.isEnabled());
            assertEquals(slug, sandbox.getAttributes().get("b2bpack.org.domain"));
            assertEquals("sandbox", sandbox.getAttributes().get("b2bpack.org.environment"));
            assertEquals(
                    "created",
                    admin.realm(slug).toRepresentation().getAttributes().get("b2bpack.org.sandbox-realm"));

            OidcClient.Response down =
                    http.put("/" + slug, "{\"environments\":[{\"name\":\"production\",\"status\":\"down\"}]}");
            assertEquals(200, down.status(), down.body());
            assertEquals(Map.of("production", "down", "sandbox", "up"), statuses(down.json()));
            assertFalse(admin.realm(slug).toRepresentation().isEnabled());

            OidcClient.Response deleted = http.delete("/" + slug);
            assertEquals(200, deleted.status(), deleted.body());
            assertTrue(deleted.json().get("deleted").asBoolean());
            assertEquals(slug, deleted.json().get("resource").get("domain").asText());
            List<String> realms = admin.realms().findAll().stream()
                    .map(RealmRepresentation::getRealm)
                    .toList();
            assertFalse(realms.contains(slug), realms.toString());
            assertFalse(realms.contains(slug + "--sandbox"), realms.toString());
            assertEquals(404, http.get("/" + slug).status());
            OidcClient.Response again = http.delete("/" + slug);
            assertEquals(404, again.status(), again.body());
            assertEquals("not_found", again.field("error"));

            JsonNode events = adminEvents();
            List<String> operations = new ArrayList<>();
            events.forEach(e -> {
                if (e.get("resourcePath").asText().equals("orgs/" + slug)) {
                    operations.add(e.get("operationType").asText());
                }
            });
            assertTrue(operations.containsAll(List.of("CREATE", "UPDATE", "DELETE")), operations.toString());
        } finally {
            enableMasterAdminEvents(adminEventsBefore);
        }
    }

    @Test
    void listIsNewestFirstPagedAndFilteredByEnvironmentStatus() {
        String a = OrgFixtures.createOrg(http, "Org IT List A");
        String b = OrgFixtures.createOrg(http, "Org IT List B");
        String c = OrgFixtures.createOrg(http, "Org IT List C");
        assertPut(200, b, "{\"environments\":[{\"name\":\"production\",\"status\":\"down\"}]}");
        // c has no environment down (its sandbox is brought up), so "down" must leave it out: with every sandbox
        // down by default, a filter that was ignored would list all three and pass.
        assertPut(
                200,
                c,
                "{\"environments\":[{\"name\":\"production\",\"status\":\"up\"},"
                        + "{\"name\":\"sandbox\",\"status\":\"up\"}]}");

        JsonNode first = http.get("?page=1&per_page=2").json();
        assertEquals("List", first.get("__type__").asText());
        assertEquals(List.of(c, b), slugs(first));
        assertEquals(3, first.get("total").asInt());
        JsonNode pagination = first.get("pagination");
        assertEquals(1, pagination.get("current_page").asInt());
        assertEquals(2, pagination.get("next_page").asInt());
        assertTrue(pagination.get("prev_page").isNull());
        assertEquals(2, pagination.get("per_page").asInt());
        assertEquals(2, pagination.get("total_pages").asInt());

        JsonNode second = http.get("?page=2&per_page=2").json();
        assertEquals(List.of(a), slugs(second));
        assertTrue(second.get("pagination").get("next_page").isNull());
        assertEquals(1, second.get("pagination").get("prev_page").asInt());

        JsonNode defaults = http.get("").json();
        assertEquals(10, defaults.get("pagination").get("per_page").asInt());
        assertEquals(List.of(c, b, a), slugs(defaults));

        JsonNode up = http.get("?q%5Benvironments_status_in%5D%5B%5D=up").json();
        assertEquals(List.of(c, a), slugs(up));
        assertEquals(2, up.get("total").asInt());
        JsonNode down = http.get(
                        "?q[environments_status_in][]=down".replace("[", "%5B").replace("]", "%5D"))
                .json();
        assertEquals(List.of(b, a), slugs(down));
        assertEquals(2, down.get("total").asInt());
        JsonNode both = http.get("?q%5Benvironments_status_in%5D%5B%5D=up&q%5Benvironments_status_in%5D%5B%5D=down")
                .json();
        assertEquals(List.of(c, b, a), slugs(both));

        // The console's Enabled switch goes through the standard realm update, not this API:
        // both the filter and the organization's status must follow the realm itself.
        setRealmEnabled(a, false);
        assertEquals(List.of(c), slugsWithAnEnvironment("up"));
        assertEquals(List.of(b, a), slugsWithAnEnvironment("down"));
        assertEquals(
                Map.of("production", "down", "sandbox", "down"),
                statuses(http.get("/" + a).json()));
        setRealmEnabled(a, true);
        assertEquals(List.of(c, a), slugsWithAnEnvironment("up"));
        assertEquals(
                Map.of("production", "up", "sandbox", "down"),
                statuses(http.get("/" + a).json()));

        for (String bad : List.of(
                "?per_page=0",
                "?per_page=101",
                "?page=abc",
                "?page=-1",
                "?q%5Benvironments_status_in%5D%5B%5D=maybe")) {
            OidcClient.Response refused = http.get(bad);
            assertEquals(400, refused.status(), bad + " → " + refused.body());
            assertNotNull(refused.field("error_description"), refused.body());
        }
    }

    @Test
    void slugRulesDomainClashesAndBadInputGetClearErrors() {
        assertEquals("org-it-acme-cafe-co", OrgFixtures.createOrg(http, "  Org IT — ACME Café & Co.  "));
        OidcClient.Response collision = http.post("", "{\"name\":\"org-it ACME cafe  CO\"}");
        assertEquals(409, collision.status(), collision.body());
        assertEquals("organization_exists", collision.field("error"));
        assertTrue(collision.field("error_description").contains("org-it-acme-cafe-co"), collision.body());

        OidcClient.Response master = http.post("", "{\"name\":\"Master\"}");
        assertEquals(409, master.status(), master.body());
        assertEquals(409, http.post("", "{\"name\":\"Discovery\"}").status());

        String one = OrgFixtures.createOrg(http, "Org IT Domain One", "clash-it.example");
        OidcClient.Response clash =
                http.post("", "{\"name\":\"Org IT Domain Two\",\"allowed_email_domains\":[\"CLASH-IT.example\"]}");
        assertEquals(409, clash.status(), clash.body());
        assertEquals("email_domain_taken", clash.field("error"));
        String two = OrgFixtures.createOrg(http, "Org IT Domain Two");
        assertPut(409, two, "{\"allowed_email_domains\":[\"Clash-It.Example\"]}");
        // Re-sending an organization's own domains is not a clash.
        assertPut(200, one, "{\"allowed_email_domains\":[\"clash-it.example\",\"more-it.example\"]}");

        Map<String, String> badBodies = new java.util.LinkedHashMap<>();
        badBodies.put("punctuation only", "{\"name\":\"!!! ... ???\"}");
        badBodies.put("empty name", "{\"name\":\"\"}");
        badBodies.put("no name", "{\"allowed_email_domains\":[]}");
        badBodies.put("long name", "{\"name\":\"" + "x".repeat(101) + "\"}");
        badBodies.put("name not a string", "{\"name\":42}");
        badBodies.put("domain given", "{\"name\":\"Org IT Given\",\"domain\":\"given\"}");
        badBodies.put(
                "bad email domain", "{\"name\":\"Org IT Bad Domain\",\"allowed_email_domains\":[\"not a domain\"]}");
        badBodies.put("malformed JSON", "{\"name\":");
        badBodies.put("array body", "[]");
        badBodies.put("empty body", "");
        badBodies.put("huge body", "{\"name\":\"" + "y".repeat(200_000) + "\"}");
        badBodies.forEach((what, body) -> {
            OidcClient.Response refused = http.post("", body);
            assertEquals(400, refused.status(), what + " → " + refused.body());
            assertNotNull(refused.field("error_description"), what);
        });
        OidcClient.Response hostile = http.post("", "{\"name\":\"<script>alert(1)</script> Org IT\"}");
        assertEquals(201, hostile.status(), hostile.body());
        assertEquals("script-alert-1-script-org-it", hostile.field("domain"));
        http.delete("/script-alert-1-script-org-it");

        assertEquals(404, http.get("/org-it-nobody").status());
        assertEquals(404, http.put("/org-it-nobody", "{\"name\":\"x\"}").status());
        int traversal = http.get("/..%2Fmaster").status();
        assertTrue(traversal == 404 || traversal == 400, "path traversal answered " + traversal);
    }

    @Test
    void adminUserCreationAndUpdateFollowTheAllowedEmailDomains() {
        String slug = OrgFixtures.createOrg(http, "Org IT Users", "users-it.example");
        RealmRepresentation rep = admin.realm(slug).toRepresentation();
        rep.setPasswordPolicy("");
        admin.realm(slug).update(rep);

        UserRepresentation outsider = user("mallory", "mallory@elsewhere.example");
        try (Response refused = admin.realm(slug).users().create(outsider)) {
            assertEquals(400, refused.getStatus());
            String body = refused.readEntity(String.class);
            assertTrue(body.contains("b2bpackEmailDomainNotAllowed"), body);
        }
        String bobId;
        try (Response created = admin.realm(slug).users().create(user("bob", "Bob@Users-IT.example"))) {
            assertEquals(201, created.getStatus());
            bobId = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(created);
        }
        UserRepresentation bob = admin.realm(slug).users().get(bobId).toRepresentation();
        bob.setEmail("bob@elsewhere.example");
        try {
            admin.realm(slug).users().get(bobId).update(bob);
            throw new AssertionError("an email outside the allowed domains was accepted on update");
        } catch (jakarta.ws.rs.BadRequestException expected) {
            assertTrue(expected.getResponse().readEntity(String.class).contains("b2bpackEmailDomainNotAllowed"));
        }

        // Clearing the organization's domains lifts the rule.
        assertPut(200, slug, "{\"allowed_email_domains\":[]}");
        try (Response created = admin.realm(slug).users().create(outsider)) {
            assertEquals(201, created.getStatus());
        }
    }

    @Test
    void aTokenOfOneOrganizationIsRefusedByAnother() {
        String a = OrgFixtures.createOrg(http, "Org IT Isolation A");
        String b = OrgFixtures.createOrg(http, "Org IT Isolation B");
        // The same confidential client (id and secret) in both realms: only the realm tells them apart.
        for (String realm : List.of(a, b)) {
            OrgFixtures.prepareRealm(admin, realm);
            ClientRepresentation backend = new ClientRepresentation();
            backend.setClientId("it-backend");
            backend.setPublicClient(false);
            backend.setSecret("it-backend-secret");
            backend.setDirectAccessGrantsEnabled(true);
            // Keycloak 26 only introspects tokens whose audience holds the introspecting client.
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("it-backend audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of(
                    "included.client.audience",
                    "it-backend",
                    "access.token.claim",
                    "true",
                    "introspection.token.claim",
                    "true"));
            backend.setProtocolMappers(List.of(audience));
            admin.realm(realm).clients().create(backend).close();
        }
        OrgFixtures.createUser(admin, a, "alice", "alice@isolation-a.example");

        OidcClient.Response tokens = OidcClient.postForm(
                OrgHttp.SERVER + "/realms/" + a + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "it-backend",
                        "client_secret",
                        "it-backend-secret",
                        "username",
                        "alice",
                        "password",
                        OrgFixtures.PASSWORD,
                        "scope",
                        "openid"));
        assertEquals(200, tokens.status(), tokens.body());
        String accessToken = tokens.field("access_token");

        assertEquals(
                200,
                new OidcClient(OrgHttp.SERVER + "/realms/" + a)
                        .userInfo(accessToken)
                        .status());
        OidcClient.Response foreignUserInfo = new OidcClient(OrgHttp.SERVER + "/realms/" + b).userInfo(accessToken);
        assertEquals(401, foreignUserInfo.status(), foreignUserInfo.body());

        OidcClient.Response ownIntrospection = introspect(a, accessToken);
        assertEquals("true", ownIntrospection.field("active"), ownIntrospection.body());
        OidcClient.Response foreignIntrospection = introspect(b, accessToken);
        assertEquals(200, foreignIntrospection.status(), foreignIntrospection.body());
        assertEquals("false", foreignIntrospection.field("active"), foreignIntrospection.body());
    }

    @Test
    void everyWriteChangesTheVersionThatKeepsEveryNodesDiscoveryCacheCurrent() {
        // Other nodes drop their cached lookups when the master realm's version attribute changes (the
        // realm cache invalidates master cluster-wide); one node can only show that each write changes it.
        String before = orgsVersion();
        assertNotNull(before, "present before this test's first write (every node writes it at start if missing)");
        String slug = OrgFixtures.createOrg(http, "Org IT Version", "version-it.example");
        String created = orgsVersion();
        assertNotEquals(before, created);
        assertPut(200, slug, "{\"allowed_email_domains\":[\"version-two-it.example\"]}");
        String updated = orgsVersion();
        assertNotEquals(created, updated);
        OrgFixtures.verifyManually(http, slug, "version-two-it.example");
        assertNotEquals(updated, orgsVersion(), "a verification is a write too");
        updated = orgsVersion();
        assertEquals(slug, discovered("a%40version-two-it.example"));
        assertEquals(200, http.delete("/" + slug).status());
        assertNotEquals(updated, orgsVersion());
        assertEquals(
                404, http.get("/discovery?email=a%40version-two-it.example").status());
    }

    private String orgsVersion() {
        return admin.realm("master").toRepresentation().getAttributes().get("b2bpack.orgs.version");
    }

    @Test
    void discoveryFindsTheOrganizationFromAnEmailAndTheEntryPointRedirectsToItsRealm() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT Discovery", "disco-it.example");
        assertPut(200, slug, "{\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"}]}");

        OidcClient.Response found = http.get("/discovery?email=Alice%40Disco-IT.example");
        assertEquals(200, found.status(), found.body());
        JsonNode body = found.json();
        assertEquals(slug, body.get("domain").asText());
        assertEquals(
                OrgHttp.SERVER + "/realms/" + slug,
                body.get("realms").get(0).get("issuer").asText());
        assertEquals("production", body.get("realms").get(0).get("environment").asText());
        assertEquals(slug + "--sandbox", body.get("realms").get(1).get("realm").asText());
        assertEquals(
                OrgHttp.SERVER + "/realms/" + slug + "--sandbox",
                body.get("realms").get(1).get("issuer").asText());
        // The issuer is the realm's own: its discovery document says so.
        OidcClient.Response wellKnown = OidcClient.send(HttpRequest.newBuilder(URI.create(
                        body.get("realms").get(0).get("issuer").asText() + "/.well-known/openid-configuration"))
                .build());
        assertEquals(body.get("realms").get(0).get("issuer").asText(), wellKnown.field("issuer"));

        assertEquals(
                404, http.get("/discovery?email=alice%40unknown-it.example").status());
        assertEquals(400, http.get("/discovery?email=not-an-email").status());
        assertEquals(400, http.get("/discovery").status());

        // The lookup is cached on the node; a write through the API must be visible at once.
        assertEquals(
                404, http.get("/discovery?email=bob%40disco-two-it.example").status());
        assertPut(200, slug, "{\"allowed_email_domains\":[\"disco-it.example\",\"disco-two-it.example\"]}");
        // A new domain routes once verified (pending claims never route: OrgEmailDomainOwnershipIT).
        assertEquals(
                404, http.get("/discovery?email=bob%40disco-two-it.example").status());
        OrgFixtures.verifyManually(http, slug, "disco-two-it.example");
        assertEquals(slug, discovered("bob%40disco-two-it.example"));
        assertPut(
                200, slug, "{\"name\":\"Org IT Discovery Renamed\",\"allowed_email_domains\":[\"disco-it.example\"]}");
        assertEquals(
                404, http.get("/discovery?email=bob%40disco-two-it.example").status());
        assertEquals(
                "Org IT Discovery Renamed",
                http.get("/discovery?email=bob%40disco-it.example")
                        .json()
                        .get("name")
                        .asText());

        HttpClient noRedirects = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String query =
                "client_id=app&response_type=code&scope=openid&state=s%20t&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"
                        + "&login_hint=carol%40disco-it.example";
        HttpResponse<String> redirect = noRedirects.send(
                HttpRequest.newBuilder(URI.create(OrgHttp.SERVER + "/realms/master/org-login?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        assertEquals(
                OrgHttp.SERVER + "/realms/" + slug + "/protocol/openid-connect/auth?" + query,
                redirect.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> unknown = noRedirects.send(
                HttpRequest.newBuilder(URI.create(OrgHttp.SERVER
                                + "/realms/master/org-login?client_id=app&login_hint=x%40unknown-it.example"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("We could not find an organization"), unknown.body());
        HttpResponse<String> otherRealm = noRedirects.send(
                HttpRequest.newBuilder(URI.create(
                                OrgHttp.SERVER + "/realms/" + slug + "/org-login?login_hint=carol%40disco-it.example"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, otherRealm.statusCode());
    }

    private OidcClient.Response introspect(String realm, String token) {
        return OidcClient.postForm(
                OrgHttp.SERVER + "/realms/" + realm + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", "it-backend", "client_secret", "it-backend-secret", "token", token));
    }

    private static UserRepresentation user(String username, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        return user;
    }

    private boolean enableMasterAdminEvents(boolean enabled) {
        RealmRepresentation master = admin.realm("master").toRepresentation();
        boolean before = Boolean.TRUE.equals(master.isAdminEventsEnabled());
        master.setAdminEventsEnabled(enabled);
        admin.realm("master").update(master);
        return before;
    }

    private JsonNode adminEvents() {
        return OidcClient.send(HttpRequest.newBuilder(URI.create(OrgHttp.SERVER
                                + "/admin/realms/master/admin-events?resourceTypes=ORGANIZATION&max=100"))
                        .header(
                                "Authorization",
                                "Bearer " + admin.tokenManager().getAccessTokenString())
                        .build())
                .json();
    }

    /** The console's Enabled switch: the standard realm update. */
    private void setRealmEnabled(String realm, boolean enabled) {
        RealmRepresentation rep = admin.realm(realm).toRepresentation();
        rep.setEnabled(enabled);
        admin.realm(realm).update(rep);
    }

    /** The first page of the list filtered to organizations with an environment in {@code status}. */
    private List<String> slugsWithAnEnvironment(String status) {
        return slugs(http.get("?q%5Benvironments_status_in%5D%5B%5D=" + status).json());
    }

    private static Map<String, String> statuses(JsonNode org) {
        Map<String, String> result = new java.util.HashMap<>();
        org.get("environments")
                .forEach(e -> result.put(e.get("name").asText(), e.get("status").asText()));
        return result;
    }

    private static List<String> slugs(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.get("data").forEach(o -> result.add(o.get("domain").asText()));
        return result;
    }
}
