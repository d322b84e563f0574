package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.FakeDnsServer;
import io.github.b2bpack.testsupport.FakePorts;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 11, attack 4: an organization claiming an email domain it does not own. Public mail domains are
 * refused; any other domain routes (discovery, org-login) and accepts users only once its DNS TXT
 * challenge is found through the server's resolver (the loopback {@link FakeDnsServer} on
 * {@link FakePorts#DNS}), or once an operator with manage-realm on master verifies it by hand.
 * Each test prints what the attacker got ("ATTACK …") before asserting, for the before/after record.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgEmailDomainOwnershipIT extends OrgItBase {

    private static final String MASTER = OrgHttp.SERVER + "/realms/master";
    private static FakeDnsServer dns;

    @BeforeAll
    static void startDns() {
        dns = new FakeDnsServer(FakePorts.DNS);
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void clearDns() {
        dns.clear();
    }

    @Test
    void aPublicMailDomainCannotBeClaimed() throws Exception {
        String slug = OrgFixtures.createPendingOrg(http, "Org IT Gmail Squatter");
        OidcClient.Response claim = http.put("/" + slug, "{\"allowed_email_domains\":[\"gmail.com\"]}");
        // The organization's own admin could finish the job if a claim alone did not route (it no longer does).
        OrgFixtures.verify(http, slug, "gmail.com", "manual");
        HttpResponse<String> login = orgLogin("victim%40gmail.com");
        System.out.printf(
                "ATTACK public domain: PUT gmail.com -> %d; org-login?login_hint=victim@gmail.com -> %d %s%n",
                claim.status(), login.statusCode(), redirect(login));

        assertEquals(400, claim.status(), claim.body());
        assertEquals("public_email_domain", claim.field("error"));
        assertTrue(claim.field("error_description").contains("gmail.com"), claim.body());
        assertNotRouted(login, "no redirect to the squatter's realm");

        // Every spelling and a subdomain, at creation too; the organization keeps no claim.
        for (String spelling : List.of("GMail.COM.", "mail.gmail.com", "hotmail.fr", "yahoo.co.uk", "proton.me")) {
            OidcClient.Response refused =
                    http.post("", "{\"name\":\"Org IT Public\",\"allowed_email_domains\":[\"" + spelling + "\"]}");
            assertEquals(400, refused.status(), spelling + " " + refused.body());
            assertEquals("public_email_domain", refused.field("error"));
        }
        assertEquals(0, http.get("/" + slug).json().get("allowed_email_domains").size());
    }

    @Test
    void aClaimedDomainRoutesNowhereUntilItsTxtRecordIsFoundThroughDns() throws Exception {
        String slug = OrgFixtures.createPendingOrg(http, "Org IT Victim Squatter", "victim-it.example");
        OidcClient.Response discovered = http.get("/discovery?email=ceo%40victim-it.example");
        HttpResponse<String> login = orgLogin("ceo%40victim-it.example");
        System.out.printf(
                "ATTACK unproven claim: discovery -> %d; org-login?login_hint=ceo@victim-it.example -> %d %s%n",
                discovered.status(), login.statusCode(), redirect(login));

        assertEquals(404, discovered.status(), discovered.body());
        assertNotRouted(login, "no redirect for an unproven claim");

        JsonNode domain = http.get("/" + slug).json().get("email_domains").get(0);
        assertEquals("victim-it.example", domain.get("domain").asText());
        assertEquals("pending", domain.get("status").asText());
        assertTrue(
                domain.path("verified_at").isMissingNode()
                        || domain.path("verified_at").isNull(),
                domain.toString());
        JsonNode challenge = domain.get("challenge");
        assertEquals("dns_txt", challenge.get("type").asText());
        assertEquals(
                "_b2bpack-challenge.victim-it.example",
                challenge.get("record_name").asText());
        String value = challenge.get("record_value").asText();
        assertTrue(value.matches("b2bpack-domain-verification=[A-Za-z0-9_-]{43}"), value);
        assertEquals(domain, http.get("/" + slug + "/email-domains").json().get(0));

        // Users are held to verified domains: none yet, so no address is accepted.
        OrgFixtures.prepareRealm(admin, slug);
        try (Response refused = admin.realm(slug).users().create(user("ceo", "ceo@victim-it.example"))) {
            assertEquals(400, refused.getStatus());
            assertTrue(refused.readEntity(String.class).contains("b2bpackEmailDomainNoneVerified"));
        }

        // No record, a record of someone else's challenge, a silent resolver: each refused with its reason.
        OidcClient.Response none = OrgFixtures.verify(http, slug, "victim-it.example", "dns");
        assertEquals(422, none.status(), none.body());
        assertEquals("dns_record_not_found", none.field("error"));
        dns.putTxt(
                "_b2bpack-challenge.victim-it.example", "b2bpack-domain-verification=" + "A".repeat(43), "v=spf1 -all");
        OidcClient.Response wrong = OrgFixtures.verify(http, slug, "victim-it.example", "dns");
        assertEquals(422, wrong.status(), wrong.body());
        assertEquals("dns_record_mismatch", wrong.field("error"));
        dns.silence("_b2bpack-challenge.victim-it.example");
        OidcClient.Response timeout = OrgFixtures.verify(http, slug, "victim-it.example", "dns");
        assertEquals(503, timeout.status(), timeout.body());
        assertEquals("dns_unavailable", timeout.field("error"));
        assertEquals(
                "pending",
                http.get("/" + slug)
                        .json()
                        .get("email_domains")
                        .get(0)
                        .get("status")
                        .asText());
        assertEquals(404, http.get("/discovery?email=ceo%40victim-it.example").status());

        // The owner publishes the value; an empty body means DNS.
        webhookIn(slug);
        dns.putTxt("_b2bpack-challenge.victim-it.example", "v=spf1 -all", value);
        OidcClient.Response verified = http.post("/" + slug + "/email-domains/victim-it.example/verify", "");
        assertEquals(200, verified.status(), verified.body());
        assertEquals("verified", verified.field("status"));
        assertEquals("dns", verified.field("verified_by"));
        assertTrue(
                dns.questions().contains("TXT _b2bpack-challenge.victim-it.example"),
                dns.questions().toString());
        assertEquals(slug, discovered("ceo%40victim-it.example"));
        HttpResponse<String> routed = orgLogin("ceo%40victim-it.example");
        assertEquals(302, routed.statusCode());
        assertTrue(routed.headers()
                .firstValue("Location")
                .orElseThrow()
                .startsWith(OrgHttp.SERVER + "/realms/" + slug + "/"));
        try (Response created = admin.realm(slug).users().create(user("ceo", "ceo@victim-it.example"))) {
            assertEquals(201, created.getStatus());
        }
        // Idempotent: verifying again changes nothing.
        assertEquals(
                verified.json(),
                OrgFixtures.verify(http, slug, "victim-it.example", "dns").json());

        // The organization's realm records it as an admin event, which its webhooks turn into a code.
        JsonNode events = adminEvents(slug);
        assertEquals(1, events.size(), events.toString());
        assertEquals("ACTION", events.get(0).get("operationType").asText());
        assertEquals(
                "email-domains/victim-it.example",
                events.get(0).get("resourcePath").asText());
        assertTrue(
                webhookCodes(slug).contains("admin.organization_email_domain.action.success"),
                webhookCodes(slug).toString());

        // Removing the domain and claiming it again starts over: pending, with a new challenge.
        assertPut(200, slug, "{\"allowed_email_domains\":[]}");
        JsonNode again = http.put("/" + slug, "{\"allowed_email_domains\":[\"victim-it.example\"]}")
                .json()
                .get("email_domains")
                .get(0);
        assertEquals("pending", again.get("status").asText());
        assertNotEquals(value, again.get("challenge").get("record_value").asText());
        assertEquals(404, http.get("/discovery?email=ceo%40victim-it.example").status());
    }

    /**
     * The JDK's IDNA2003 maps straße-it.example to strasse-it.example; IDNA2008 (registries, browsers, mail) makes it
     * xn--strae-it-s6a.example, another domain. A proof for strasse-it.example must not route or admit straße-it.example.
     */
    @Test
    void aProofForTheAsciiSpellingDoesNotRouteTheSharpSDomain() throws Exception {
        String slug = OrgFixtures.createPendingOrg(http, "Org IT Sharp S", "strasse-it.example");
        dns.putTxt("_b2bpack-challenge.strasse-it.example", recordValue(slug, "strasse-it.example"));
        OidcClient.Response verified = OrgFixtures.verify(http, slug, "strasse-it.example", "dns");
        assertEquals(200, verified.status(), verified.body());
        OrgFixtures.prepareRealm(admin, slug);

        String sharp = "stra%C3%9Fe-it.example";
        HttpResponse<String> login = orgLogin("ceo%40" + sharp);
        OidcClient.Response discovered = http.get("/discovery?email=ceo%40" + sharp);
        int userStatus;
        try (Response created = admin.realm(slug).users().create(user("ceo-sharp", "ceo@straße-it.example"))) {
            userStatus = created.getStatus();
        }
        OidcClient.Response claimed = http.post(
                "", "{\"name\":\"Org IT Sharp S Unicode\",\"allowed_email_domains\":[\"straße-it.example\"]}");
        System.out.printf(
                "ATTACK IDNA deviation: org-login?login_hint=ceo@straße-it.example -> %d %s; discovery -> %d; "
                        + "user ceo@straße-it.example in the strasse-it.example realm -> %d; claim straße-it.example -> %d%n",
                login.statusCode(), redirect(login), discovered.status(), userStatus, claimed.status());

        assertNotRouted(login, "no redirect to the owner of strasse-it.example");
        assertEquals(400, discovered.status(), discovered.body());
        assertEquals(400, userStatus);
        assertEquals(400, claimed.status(), claimed.body());
        assertEquals("invalid_request", claimed.field("error"));
        // The ASCII spelling itself still routes.
        assertEquals(302, orgLogin("ceo%40strasse-it.example").statusCode());
    }

    /**
     * Two organizations claiming one domain at the same instant (10 rounds, one latch each): one claim per domain,
     * the other answers 409 email_domain_taken, never a 500, and the domain stays pending.
     */
    @Test
    void twoOrganizationsRacingForOneDomainGetOneClaimAndA409() throws Exception {
        String a = OrgFixtures.createPendingOrg(http, "Org IT Race A");
        String b = OrgFixtures.createPendingOrg(http, "Org IT Race B");
        String token = admin.tokenManager().getAccessTokenString();
        OrgHttp fixed = new OrgHttp(() -> token);
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int claims = 0;
        for (int round = 0; round < 10; round++) {
            String domain = "race-" + round + "-it.example";
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String slug : List.of(a, b)) {
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return fixed.put("/" + slug, "{\"allowed_email_domains\":[\"" + domain + "\"]}")
                            .status();
                }));
            }
            go.countDown();
            for (java.util.concurrent.CompletableFuture<Integer> call : calls) {
                statuses.merge(call.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            for (String slug : List.of(a, b)) {
                for (JsonNode d : http.get("/" + slug).json().get("email_domains")) {
                    if (d.get("domain").asText().equals(domain)) {
                        claims++;
                        assertEquals("pending", d.get("status").asText());
                    }
                }
            }
        }
        System.out.printf(
                "ATTACK racing claims: 10 rounds of 2 parallel PUTs -> statuses %s, claims stored %d%n",
                statuses, claims);
        assertEquals(10, claims, "one claim per domain");
        assertEquals(java.util.Map.of(200, 10, 409, 10), statuses);
    }

    @Test
    void onlyAnOperatorMayVouchForADomainWithoutDns() {
        String slug = OrgFixtures.createPendingOrg(http, "Org IT Manual", "manual-it.example", "manual-dns-it.example");
        String other = OrgFixtures.createPendingOrg(http, "Org IT Manual Other", "other-it.example");
        String tenant = masterUser("org-it-tenant-admin");
        Users.grantClientRoles(admin, "master", tenant, slug + "-realm", "view-realm", "manage-realm");
        OrgHttp tenantHttp = OrgFixtures.callerOf(admin, tenant);
        String otherTenant = masterUser("org-it-other-admin");
        Users.grantClientRoles(admin, "master", otherTenant, other + "-realm", "view-realm", "manage-realm");
        OrgHttp otherHttp = OrgFixtures.callerOf(admin, otherTenant);
        dns.putTxt("_b2bpack-challenge.manual-dns-it.example", recordValue(slug, "manual-dns-it.example"));

        OidcClient.Response byTenant = OrgFixtures.verify(tenantHttp, slug, "manual-it.example", "manual");
        OidcClient.Response byOtherManual = OrgFixtures.verify(otherHttp, slug, "manual-it.example", "manual");
        OidcClient.Response byOtherDns = OrgFixtures.verify(otherHttp, slug, "manual-dns-it.example", "dns");
        System.out.printf(
                "ATTACK manual verification: own tenant admin -> %d, other tenant admin manual -> %d, dns -> %d%n",
                byTenant.status(), byOtherManual.status(), byOtherDns.status());
        assertEquals(403, byTenant.status(), byTenant.body());
        assertEquals(403, byOtherManual.status(), byOtherManual.body());
        assertEquals(403, byOtherDns.status(), byOtherDns.body());
        assertEquals(
                401,
                OrgFixtures.verify(new OrgHttp(null), slug, "manual-it.example", "dns")
                        .status());
        // The tenant admin proves its own domain through DNS.
        OidcClient.Response ownDns = OrgFixtures.verify(tenantHttp, slug, "manual-dns-it.example", "dns");
        assertEquals(200, ownDns.status(), ownDns.body());

        boolean before = masterAdminEvents(true);
        try {
            OidcClient.Response byOperator = OrgFixtures.verify(http, slug, "manual-it.example", "manual");
            assertEquals(200, byOperator.status(), byOperator.body());
            assertEquals("verified", byOperator.field("status"));
            assertEquals("manual", byOperator.field("verified_by"));
            JsonNode audit = adminEvents("master");
            List<String> paths = new ArrayList<>();
            audit.forEach(e -> paths.add(e.get("resourcePath").asText()));
            assertTrue(paths.contains("orgs/" + slug + "/email-domains/manual-it.example"), paths.toString());
        } finally {
            masterAdminEvents(before);
        }
        assertEquals(2, adminEvents(slug).size());

        // Bad input: clear 4xx, never 500.
        assertEquals(
                404,
                OrgFixtures.verify(http, slug, "unclaimed-it.example", "manual").status());
        assertEquals(400, OrgFixtures.verify(http, slug, "not..valid", "manual").status());
        OidcClient.Response badMethod = OrgFixtures.verify(http, slug, "manual-it.example", "telepathy");
        assertEquals(400, badMethod.status());
        assertEquals("invalid_request", badMethod.field("error"));
        assertEquals(
                400,
                http.post("/" + slug + "/email-domains/manual-it.example/verify", "[1]")
                        .status());
        assertEquals(
                404,
                OrgFixtures.verify(http, "org-it-nobody", "manual-it.example", "manual")
                        .status());
        // A verified domain still belongs to one organization only.
        assertPut(409, other, "{\"allowed_email_domains\":[\"manual-it.example\"]}");
    }

    private String recordValue(String slug, String domain) {
        for (JsonNode d : http.get("/" + slug).json().get("email_domains")) {
            if (d.get("domain").asText().equals(domain)) {
                return d.get("challenge").get("record_value").asText();
            }
        }
        throw new AssertionError(domain + " not claimed by " + slug);
    }

    /** The answer of the entry point is its own page telling that no organization was found, not a redirect. */
    private static void assertNotRouted(HttpResponse<String> login, String message) {
        assertEquals(200, login.statusCode(), message);
        assertTrue(login.body().contains("We could not find an organization"), login.body());
    }

    private static String redirect(HttpResponse<String> login) {
        return login.headers().firstValue("Location").orElse("(no redirect)");
    }

    private HttpResponse<String> orgLogin(String encodedHint) throws Exception {
        // Made per call, after the server started: the server's certificate is trusted from then on.
        HttpClient noRedirects = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return noRedirects.send(
                HttpRequest.newBuilder(URI.create(MASTER + "/org-login?client_id=app&response_type=code"
                                + "&scope=openid&login_hint=" + encodedHint))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Verification admin events of a realm. Keycloak's {@code resourceTypes} filter only takes its own enum
     * values, so this asks for ACTION events and keeps the pack's resource type.
     */
    private JsonNode adminEvents(String realm) {
        JsonNode all = OidcClient.send(HttpRequest.newBuilder(URI.create(OrgHttp.SERVER + "/admin/realms/" + realm
                                + "/admin-events?operationTypes=ACTION&max=100"))
                        .header(
                                "Authorization",
                                "Bearer " + admin.tokenManager().getAccessTokenString())
                        .build())
                .json();
        com.fasterxml.jackson.databind.node.ArrayNode kept =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        all.forEach(e -> {
            if ("ORGANIZATION_EMAIL_DOMAIN".equals(e.path("resourceType").asText())) {
                kept.add(e);
            }
        });
        return kept;
    }

    /** A webhook in the organization's realm for the verification code, aimed at a closed loopback port. */
    private void webhookIn(String realm) {
        OidcClient.Response created = OidcClient.send(HttpRequest.newBuilder(
                        URI.create(OrgHttp.SERVER + "/admin/realms/" + realm + "/webhooks"))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"domains\",\"target_url\":\"http://127.0.0.1:9/org-it\","
                                + "\"event_codes\":[\"admin.organization_email_domain.*\"]}"))
                .build());
        assertEquals(201, created.status(), created.body());
    }

    private List<String> webhookCodes(String realm) {
        JsonNode page = OidcClient.send(HttpRequest.newBuilder(
                                URI.create(OrgHttp.SERVER + "/admin/realms/" + realm + "/webhook-events?per_page=100"))
                        .header(
                                "Authorization",
                                "Bearer " + admin.tokenManager().getAccessTokenString())
                        .build())
                .json();
        List<String> codes = new ArrayList<>();
        page.get("data").forEach(e -> codes.add(e.get("event_code").asText()));
        return codes;
    }

    private boolean masterAdminEvents(boolean enabled) {
        RealmRepresentation master = admin.realm("master").toRepresentation();
        boolean before = Boolean.TRUE.equals(master.isAdminEventsEnabled());
        master.setAdminEventsEnabled(enabled);
        master.setAdminEventsDetailsEnabled(true);
        admin.realm("master").update(master);
        return before;
    }

    private static UserRepresentation user(String username, String email) {
        return Fixtures.userWithPassword(username, email, "Test", "User", OrgFixtures.PASSWORD);
    }
}
