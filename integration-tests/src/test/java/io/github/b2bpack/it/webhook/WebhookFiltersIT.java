package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 16's filters and rate limit in the real server. Two confidential clients of the realm change users through
 * the admin API with their own service-account tokens, so each change's admin event names its client; a webhook with
 * {@code excluded_client_ids} gets only the other client's changes (a CRM's own echo stays home), one with
 * {@code client_ids} the reverse. User events are filtered by their client, events by the organization environment
 * of their realm, and a webhook limited to 2 deliveries per second receives a burst of 20 spaced out, judged by the
 * receiver's own arrival times. A webhook without filters beside the filtered ones marks when every event is in, so
 * that "not delivered" is checked after the deliveries that had to come came, never by waiting on a clock.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookFiltersIT extends WebhookItBase {

    private static final String REALM = "webhook-it-filters";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CRM = "crm-sync";
    private static final String PORTAL = "portal";
    private static final String WEB = "web-app";
    private static final String MOBILE = "mobile-app";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @Override
    String realm() {
        return REALM;
    }

    @Test
    void excludedClientIdsDropTheirOwnEchoAndClientIdsKeepOnlyTheirClient() {
        BearerHttp crm = serviceAccount(CRM);
        BearerHttp portal = serviceAccount(PORTAL);
        String all = webhook("all", List.of("admin.user.create.success"), Map.of());
        String notCrm =
                webhook("not-crm", List.of("admin.user.create.success"), Map.of("excluded_client_ids", List.of(CRM)));
        String onlyCrm = webhook("only-crm", List.of("admin.user.create.success"), Map.of("client_ids", List.of(CRM)));

        for (int i = 0; i < 3; i++) {
            createUser(crm, "crm-user-" + i);
            createUser(portal, "portal-user-" + i);
        }
        assertEquals(6, await(all, 6).size(), "the unfiltered webhook got every change");

        List<String> fromNotCrm = usernames(await(notCrm, 3));
        List<String> fromOnlyCrm = usernames(await(onlyCrm, 3));
        assertEquals(Set.of("portal-user-0", "portal-user-1", "portal-user-2"), Set.copyOf(fromNotCrm));
        assertEquals(Set.of("crm-user-0", "crm-user-1", "crm-user-2"), Set.copyOf(fromOnlyCrm));
        assertEquals(3, fromNotCrm.size(), "no more than the portal's changes");
        assertEquals(3, fromOnlyCrm.size(), "no more than the CRM's changes");

        // A master administrator's change names no client of this realm: excluded filters keep it, client_ids drop it.
        UserRepresentation user = Fixtures.userWithPassword("by-master", "by-master@example.com", "B", "M", PASSWORD);
        admin.realm(REALM).users().create(user).close();
        await(all, 7);
        assertTrue(usernames(await(notCrm, 4)).contains("by-master"));
        assertEquals(3, receiver.deliveriesTo(onlyCrm).size(), "only-crm got nothing more");
    }

    @Test
    void userEventsAreFilteredByTheirClient() {
        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(WEB))
                .close();
        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(MOBILE))
                .close();
        Users.create(admin, REALM, Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "M", PASSWORD));
        String all = webhook("all", List.of("user.login.success"), Map.of());
        String webOnly = webhook("web", List.of("user.login.success"), Map.of("client_ids", List.of(WEB)));
        String notWeb = webhook("not-web", List.of("user.login.success"), Map.of("excluded_client_ids", List.of(WEB)));

        OidcClient oidc = new OidcClient(WebhookApi.SERVER + "/realms/" + REALM);
        assertEquals(200, oidc.passwordGrant(MOBILE, "alice", PASSWORD).status());
        assertEquals(200, oidc.passwordGrant(WEB, "alice", PASSWORD).status());
        assertEquals(200, oidc.passwordGrant(MOBILE, "alice", PASSWORD).status());
        await(all, 3);

        List<String> web = clientIds(await(webOnly, 1));
        List<String> others = clientIds(await(notWeb, 2));
        assertEquals(List.of(WEB), web);
        assertEquals(List.of(MOBILE, MOBILE), others);
    }

    @Test
    void environmentsKeepTheirOrganizationEnvironmentAndDropRealmsWithoutOne() {
        RealmRepresentation rep = admin.realm(REALM).toRepresentation();
        rep.setAttributes(Map.of("b2bpack.org.domain", "acme", "b2bpack.org.environment", "sandbox"));
        admin.realm(REALM).update(rep);
        String all = webhook("all", List.of("admin.group.create.success"), Map.of());
        String sandbox =
                webhook("sandbox", List.of("admin.group.create.success"), Map.of("environments", List.of("sandbox")));
        String production = webhook(
                "production", List.of("admin.group.create.success"), Map.of("environments", List.of("production")));

        createGroup("in-sandbox");
        await(all, 1);
        List<RecordedRequest> got = await(sandbox, 1);
        assertEquals(1, got.size());
        assertEquals(
                "sandbox",
                WebhookApi.parse(got.get(0).bodyText()).at("/data/environment").asText(),
                got.get(0).bodyText());

        // The realm loses its organization: an environment filter then lets nothing through.
        rep = admin.realm(REALM).toRepresentation();
        rep.setAttributes(Map.of("b2bpack.org.environment", ""));
        admin.realm(REALM).update(rep);
        createGroup("no-organization");
        await(all, 2);
        assertEquals(1, receiver.deliveriesTo(sandbox).size(), "sandbox: only the event of the sandbox realm");
        assertEquals(0, receiver.deliveriesTo(production).size(), "production: nothing from a sandbox realm");
    }

    @Test
    void aWebhookLimitedToTwoPerSecondGetsABurstOfTwentySpacedAndComplete() {
        String limited = webhook("limited", List.of("admin.group.create.success"), Map.of("rate_limit_per_second", 2));
        JsonNode shown = api.get("/webhooks").json().get("data").get(0);
        assertEquals(2, shown.get("rate_limit_per_second").asInt(), shown.toString());

        for (int i = 0; i < 20; i++) {
            createGroup("burst-" + i);
        }
        List<RecordedRequest> got = await(limited, 20);
        assertEquals(20, got.size(), "every event arrived");
        Set<String> ids = new HashSet<>();
        got.forEach(r -> ids.add(r.header("webhook-id")));
        assertEquals(20, ids.size(), "each once");

        List<Long> at = new ArrayList<>();
        got.forEach(r -> at.add(r.receivedAtMillis()));
        at.sort(null);
        StringBuilder gaps = new StringBuilder();
        for (int i = 1; i < at.size(); i++) {
            gaps.append(at.get(i) - at.get(0)).append(' ');
        }
        System.out.println("[webhook-filters] 20 arrivals at 2/s, ms after the first: " + gaps);
        // At most 2 in any second, by the receiver's clock: any two arrivals 2 apart are a second apart, less the
        // jitter between a slot and its arrival (sender threads, HTTP). The first pair may share the first second.
        for (int i = 3; i < at.size(); i++) {
            assertTrue(at.get(i) - at.get(i - 2) >= 1000 - JITTER_MILLIS, "arrivals (ms after the first): " + gaps);
        }
        assertTrue(at.get(19) - at.get(0) >= 9000 - JITTER_MILLIS, "20 arrivals span 9.5 s at 2/s: " + gaps);

        // Put back for want of a slot costs no attempt: the last rows of the burst waited ~9 s, put back on every
        // pass that had no slot for them, and still completed on their first attempt. One retry is allowed for an
        // attempt that really failed: the first send of a class can meet a pooled connection that the previous
        // class's receiver (same port) closed, which is a retry on the schedule, not a wait for a slot.
        awaitEvents(() -> api.events("completed").size() == 20);
        int retried = 0;
        for (JsonNode row : api.events("completed")) {
            assertTrue(row.get("attempts").asInt() <= 2, row.toString());
            retried += row.get("attempts").asInt() - 1;
        }
        assertTrue(retried <= 1, retried + " deliveries spent more than one attempt");
    }

    private static final long JITTER_MILLIS = 150;

    @Test
    void badFiltersAndRateLimitsAreClear400s() {
        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(WEB))
                .close();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("client-" + i);
        }
        List<Map<String, Object>> bad = List.of(
                Map.of("client_ids", List.of("no-such-client")),
                Map.of("excluded_client_ids", List.of(WEB, "ghost")),
                // A client of another realm (master's) is unknown here: a tenant admin cannot name it.
                Map.of("client_ids", List.of("master-realm")),
                Map.of("client_ids", List.of(WEB), "excluded_client_ids", List.of(WEB)),
                Map.of("client_ids", tooMany),
                Map.of("client_ids", "web-app"),
                Map.of("environments", List.of("staging")),
                Map.of("rate_limit_per_second", 0),
                Map.of("rate_limit_per_second", -1),
                Map.of("rate_limit_per_second", 1_000_000_000),
                Map.of("rate_limit_per_second", 1001),
                Map.of("rate_limit_per_second", 2.5),
                Map.of("rate_limit_per_second", "fast"));
        for (Map<String, Object> fields : bad) {
            OidcClient.Response r = api.post(
                    "/webhooks", body("bad", List.of("admin.*"), fields).toString());
            assertEquals(400, r.status(), fields + " → " + r.body());
            assertEquals("invalid_request", r.json().get("error").asText(), r.body());
            String field = fields.keySet().iterator().next();
            assertTrue(
                    r.json().get("error_description").asText().contains(field.replace("excluded_", ""))
                            || r.json().get("error_description").asText().contains("client"),
                    fields + " → " + r.body());
        }
        assertTrue(
                api.post(
                                "/webhooks",
                                body("bad", List.of("admin.*"), Map.of("client_ids", List.of("no-such-client")))
                                        .toString())
                        .body()
                        .contains("no-such-client"),
                "the unknown client is named");

        // The same fields on PUT, and a valid round trip: what is stored is what GET shows.
        String id = api.post(
                        "/webhooks", body("ok", List.of("admin.*"), Map.of()).toString())
                .json()
                .get("id")
                .asText();
        assertEquals(
                400,
                api.put(
                                "/webhooks/" + id,
                                body("ok", List.of("admin.*"), Map.of("rate_limit_per_second", 0))
                                        .toString())
                        .status());
        OidcClient.Response ok = api.put(
                "/webhooks/" + id,
                body(
                                "ok",
                                List.of("admin.*"),
                                Map.of(
                                        "excluded_client_ids", List.of(WEB),
                                        "environments", List.of("production", "sandbox"),
                                        "rate_limit_per_second", 1000))
                        .toString());
        assertEquals(200, ok.status(), ok.body());
        JsonNode got = api.get("/webhooks/" + id).json();
        assertEquals("[]", got.get("client_ids").toString());
        assertEquals("[\"" + WEB + "\"]", got.get("excluded_client_ids").toString());
        assertEquals("[\"production\",\"sandbox\"]", got.get("environments").toString());
        assertEquals(1000, got.get("rate_limit_per_second").asInt());
        // A PUT without the fields (a client older than them) keeps them; null or [] clears them.
        OidcClient.Response kept = api.put(
                "/webhooks/" + id, body("ok", List.of("admin.*"), Map.of()).toString());
        assertEquals(1000, kept.json().get("rate_limit_per_second").asInt(), kept.body());
        assertEquals("[\"" + WEB + "\"]", kept.json().get("excluded_client_ids").toString());
        ObjectNode clear = body("ok", List.of("admin.*"), Map.of());
        clear.putNull("rate_limit_per_second");
        clear.putArray("excluded_client_ids");
        OidcClient.Response cleared = api.put("/webhooks/" + id, clear.toString());
        assertTrue(cleared.json().get("rate_limit_per_second").isNull(), cleared.body());
        assertEquals("[]", cleared.json().get("excluded_client_ids").toString());
    }

    /** A confidential client of the realm whose service account may manage users; the admin API as that client. */
    private BearerHttp serviceAccount(String clientId) {
        String secret = UUID.randomUUID().toString();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setSecret(secret);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        admin.realm(REALM).clients().create(client).close();
        String id = admin.realm(REALM).clients().findByClientId(clientId).get(0).getId();
        String user =
                admin.realm(REALM).clients().get(id).getServiceAccountUser().getId();
        Users.grantClientRoles(admin, REALM, user, "realm-management", "manage-users", "view-users");
        String tokenUrl = WebhookApi.SERVER + "/realms/" + REALM + "/protocol/openid-connect/token";
        Supplier<String> token = () -> {
            OidcClient.Response r = OidcClient.postForm(
                    tokenUrl,
                    Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
            assertEquals(200, r.status(), r.body());
            return r.field("access_token");
        };
        return new BearerHttp(WebhookApi.SERVER + "/admin/realms/" + REALM, token, Duration.ofSeconds(30));
    }

    private static void createUser(BearerHttp as, String username) {
        OidcClient.Response r = as.post(
                "/users",
                WebhookApi.JSON
                        .createObjectNode()
                        .put("username", username)
                        .put("enabled", true)
                        .toString());
        assertEquals(201, r.status(), r.body());
    }

    private void createGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        admin.realm(REALM).groups().add(group).close();
    }

    /** Creates a webhook posting to a path of its own with the given extra fields; returns that path. */
    private String webhook(String name, List<String> codes, Map<String, Object> fields) {
        String path = hookPath + "/" + name;
        OidcClient.Response created = api.post(
                "/webhooks",
                body(name, codes, fields).put("target_url", RECEIVER + path).toString());
        assertEquals(201, created.status(), created.body());
        return path;
    }

    private static ObjectNode body(String name, List<String> codes, Map<String, Object> fields) {
        ObjectNode body = WebhookApi.JSON
                .createObjectNode()
                .put("name", name)
                .put("target_url", RECEIVER + "/hooks/unused")
                .put("active", true);
        ArrayNode array = body.putArray("event_codes");
        codes.forEach(array::add);
        fields.forEach((k, v) -> body.set(k, WebhookApi.JSON.valueToTree(v)));
        return body;
    }

    private static List<RecordedRequest> await(String path, int count) {
        List<RecordedRequest> got =
                receiver.awaitRequests(r -> path.equals(r.path()) && r.header("webhook-id") != null, count, WAIT);
        assertTrue(got.size() >= count, path + ": " + got.size() + " of " + count + " deliveries");
        return got;
    }

    private static List<String> usernames(List<RecordedRequest> deliveries) {
        List<String> names = new ArrayList<>();
        for (RecordedRequest d : deliveries) {
            JsonNode payload = WebhookApi.parse(d.bodyText());
            names.add(payload.at("/data/representation/username").asText(payload.toString()));
        }
        return names;
    }

    private static List<String> clientIds(List<RecordedRequest> deliveries) {
        List<String> ids = new ArrayList<>();
        for (RecordedRequest d : deliveries) {
            ids.add(WebhookApi.parse(d.bodyText()).at("/data/client_id").asText());
        }
        return ids;
    }

    private static void awaitEvents(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "webhook events not completed in time");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
