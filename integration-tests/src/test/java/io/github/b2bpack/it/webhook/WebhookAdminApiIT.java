package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The webhooks and webhook-events admin REST API in the real server: CRUD with the signature key shown
 * only at creation and rotation, strict validation (4xx with a JSON error, never a 500), the SSRF guard
 * at save time, permissions (401 without a token, 403 without view-events / manage-events) and the
 * trigger-test preview.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookAdminApiIT {

    private static final String REALM = "webhook-it-api";
    private static final String RECEIVER = "http://127.0.0.1:8503/hooks";
    private static final String PASSWORD = "Webhook-IT-Pass-7";

    @InjectAdminClient
    Keycloak admin;

    private WebhookApi api;

    @BeforeEach
    void createRealm() {
        RealmRepresentation realm = Fixtures.enabledRealm(REALM);
        realm.setEventsListeners(List.of("jboss-logging", "webhooks"));
        admin.realms().create(realm);
        api = new WebhookApi(REALM, () -> admin.tokenManager().getAccessTokenString());
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void crudShowsTheSignatureKeyOnlyAtCreationAndRotation() {
        OidcClient.Response created =
                api.createWebhook("CRM sync", RECEIVER, List.of("user.*", "admin.user.create.success"));
        assertEquals(201, created.status(), created.body());
        JsonNode hook = created.json();
        String id = hook.get("id").asText();
        String key = hook.get("signature_key").asText();
        assertTrue(
                key.startsWith("whsec_") && java.util.Base64.getDecoder().decode(key.substring(6)).length >= 24, key);
        assertEquals("CRM sync", hook.get("name").asText());
        assertEquals(RECEIVER, hook.get("target_url").asText());
        assertTrue(hook.get("active").asBoolean());

        JsonNode read = api.get("/webhooks/" + id).json();
        assertFalse(read.toString().contains(key.substring(6)), read.toString());
        assertTrue(read.get("signature_key").asText().startsWith("whsec_****"));

        OidcClient.Response list = api.get("/webhooks?page=1&per_page=1");
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().get("total").asInt());
        assertEquals(id, list.json().get("data").get(0).get("id").asText());
        assertFalse(list.body().contains(key.substring(6)));

        OidcClient.Response updated = api.put(
                "/webhooks/" + id,
                "{\"name\":\"CRM\",\"target_url\":\"" + RECEIVER
                        + "\",\"event_codes\":[\"*.error\"],\"active\":false}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("*.error", updated.json().get("event_codes").get(0).asText());
        assertFalse(updated.json().get("active").asBoolean());

        OidcClient.Response rotated = api.post("/webhooks/" + id + "/rotate-secret", null);
        assertEquals(200, rotated.status(), rotated.body());
        String newKey = rotated.json().get("signature_key").asText();
        assertTrue(newKey.startsWith("whsec_"));
        assertNotEquals(key, newKey);
        assertNotNull(
                rotated.json().get("previous_key_expires_at"), "the previous key keeps signing for the grace period");

        assertEquals(204, api.delete("/webhooks/" + id).status());
        assertEquals(404, api.get("/webhooks/" + id).status());
        assertEquals(404, api.delete("/webhooks/" + id).status());
    }

    @Test
    void badInputGetsAClear400AndNeverA500() {
        String[] bodies = {
            "",
            "not json",
            "[1,2]",
            "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"user.(login|logout)\"]}",
            "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[]}",
            "{\"name\":\"\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"ftp://example.com/x\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"http://169.254.169.254/latest/meta-data\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"http://10.0.0.8/hook\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"http://user:pw@127.0.0.1:8503/\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"],\"targetUrl\":\"typo\"}",
            "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"],\"active\":\"yes\"}",
            "{\"name\":\"" + "n".repeat(300) + "\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"]}",
            "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"],\"pad\":\""
                    + "p".repeat(70_000) + "\"}",
        };
        for (String body : bodies) {
            OidcClient.Response r = api.post("/webhooks", body);
            assertEquals(400, r.status(), body.length() > 200 ? body.substring(0, 200) : body);
            assertEquals("invalid_request", r.field("error"), r.body());
            assertNotNull(r.field("error_description"));
        }
        assertEquals(0, api.get("/webhooks").json().get("total").asInt(), "nothing was stored");

        assertEquals(400, api.get("/webhooks?per_page=1000").status());
        assertEquals(400, api.get("/webhooks?page=-1").status());
        assertEquals(400, api.get("/webhook-events?state=lost").status());
        assertEquals(404, api.get("/webhooks/" + "x".repeat(500)).status());
        assertEquals(404, api.post("/webhook-events/msg_nope/retry", null).status());
        assertEquals(404, api.post("/webhook-events/msg_nope/cancel", null).status());
        assertEquals(
                400,
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.*\"}")
                        .status());
        assertEquals(400, api.post("/webhook-events/trigger-test", "{}").status());
    }

    @Test
    void permissions() {
        WebhookApi anonymous = new WebhookApi(REALM, () -> null);
        assertEquals(401, anonymous.get("/webhooks").status());
        assertEquals(401, anonymous.get("/webhook-events").status());

        String viewer = tokenOfUserWith("viewer", "view-events");
        String stranger = tokenOfUserWith("stranger", "view-users");
        WebhookApi asViewer = new WebhookApi(REALM, () -> viewer);
        WebhookApi asStranger = new WebhookApi(REALM, () -> stranger);

        assertEquals(403, asStranger.get("/webhooks").status());
        assertEquals(403, asStranger.get("/webhook-events").status());
        assertEquals(200, asViewer.get("/webhooks").status());
        assertEquals(200, asViewer.get("/webhook-events").status());
        assertEquals(403, asViewer.createWebhook("x", RECEIVER, List.of("*")).status());
        assertEquals(
                403,
                asViewer.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\"}")
                        .status());
    }

    /**
     * A tenant admin (view-events and manage-events in its own realm) against another realm's webhooks: every endpoint
     * on that realm's path answers 403, and the other realm's ids used on its own path answer 404; nothing changes.
     */
    @Test
    void anotherRealmsAdminReachesNoneOfThisRealmsWebhooks() {
        JsonNode hook =
                api.createWebhook("victim", RECEIVER, List.of("admin.*")).json();
        String id = hook.get("id").asText();
        String message = api.events(null).get(0).get("id").asText();
        JsonNode before = api.get("/webhooks/" + id).json();
        String other = REALM + "-tenant";
        admin.realms().create(Fixtures.enabledRealm(other));
        try {
            String token = tokenOfUserWith(other, "tenant", "view-events", "manage-events");
            WebhookApi onVictim = new WebhookApi(REALM, () -> token);
            WebhookApi onOwn = new WebhookApi(other, () -> token);
            String body = "{\"name\":\"stolen\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"]}";
            java.util.Map<String, Integer> got = new java.util.LinkedHashMap<>();
            got.put("victim GET /webhooks", onVictim.get("/webhooks").status());
            got.put("victim POST /webhooks", onVictim.post("/webhooks", body).status());
            got.put(
                    "victim GET /webhook-events",
                    onVictim.get("/webhook-events").status());
            got.put(
                    "victim POST trigger-test",
                    onVictim.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\"}")
                            .status());
            callsByIds(got, "victim", onVictim, id, message, body);
            callsByIds(got, "own (victim's ids)", onOwn, id, message, body);
            System.out.println("ATTACK other realm's admin on webhooks: " + got);

            got.forEach((call, status) -> assertEquals(call.startsWith("victim") ? 403 : 404, status, call));
            // failing_since is the endpoint's health (the receiver of this test may refuse the first delivery of the
            // webhook's own admin event at any moment), not a change made by the other realm's admin.
            assertEquals(
                    withoutHealth(before),
                    withoutHealth(api.get("/webhooks/" + id).json()),
                    "not renamed, re-targeted or rotated");
            assertEquals(1, api.get("/webhooks").json().get("data").size());
        } finally {
            admin.realm(other).remove();
        }
    }

    @Test
    void triggerTestPreviewsThePayloadAndWhichWebhooksWouldReceiveIt() {
        String logins = api.createWebhook("logins", RECEIVER, List.of("user.login.*"))
                .json()
                .get("id")
                .asText();
        String admins = api.createWebhook("admin", RECEIVER, List.of("admin.*"))
                .json()
                .get("id")
                .asText();
        // Webhook changes are admin events too (admin.webhook.create.success): "admin" already got its own creation.
        int queuedBefore = api.events(null).size();

        OidcClient.Response r = api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode answer = r.json();
        assertEquals("user.login.success", answer.get("payload").get("type").asText());
        assertEquals(REALM, answer.get("payload").get("data").get("realm").asText());
        assertEquals(logins, answer.get("would_trigger").get(0).get("id").asText());
        assertEquals(1, answer.get("would_trigger").size());
        assertEquals(admins, answer.get("would_not_trigger").get(0).get("id").asText());
        assertEquals(
                "event_codes",
                answer.get("would_not_trigger").get(0).get("reason").asText());
        assertEquals(0, answer.get("enqueued").size(), "a preview sends nothing");
        assertEquals(queuedBefore, api.events(null).size());
    }

    @Test
    void realmEventSettingsOfferTheListener() throws Exception {
        assertTrue(admin.realm(REALM).toRepresentation().getEventsListeners().contains("webhooks"));
        // The test server's key is set, so the fail-closed path is not hit; the server log never shows a key.
        String log = Files.readString(Path.of(PackServerConfig.SERVER_LOG));
        assertFalse(log.contains("n5QcsNVpCEHtxMGzQxILgJ9w9wBEkwpoCchvlAh7cd8="), "the encryption key reached the log");
    }

    private String tokenOfUserWith(String username, String realmManagementRole) {
        return tokenOfUserWith(REALM, username, realmManagementRole);
    }

    private String tokenOfUserWith(String realm, String username, String... realmManagementRoles) {
        UserRepresentation user =
                Fixtures.userWithPassword(username, username + "@example.com", username, "Tester", PASSWORD);
        String id = Users.create(admin, realm, user);
        Users.grantClientRoles(admin, realm, id, "realm-management", realmManagementRoles);
        return Users.adminCliToken(realm, username, PASSWORD);
    }

    /**
     * The calls on one webhook and one event given by id (read, update, rotate the secret, delete; read, retry,
     * cancel), each status put under {@code who} and the call.
     */
    private static void callsByIds(
            java.util.Map<String, Integer> got, String who, WebhookApi api, String id, String message, String body) {
        got.put(who + " GET /webhooks/id", api.get("/webhooks/" + id).status());
        got.put(who + " PUT /webhooks/id", api.put("/webhooks/" + id, body).status());
        got.put(
                who + " POST rotate-secret",
                api.post("/webhooks/" + id + "/rotate-secret", null).status());
        got.put(who + " DELETE /webhooks/id", api.delete("/webhooks/" + id).status());
        got.put(
                who + " GET /webhook-events/id",
                api.get("/webhook-events/" + message).status());
        got.put(
                who + " POST retry",
                api.post("/webhook-events/" + message + "/retry", null).status());
        got.put(
                who + " POST cancel",
                api.post("/webhook-events/" + message + "/cancel", null).status());
    }

    private static JsonNode withoutHealth(JsonNode webhook) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = webhook.deepCopy();
        copy.remove("failing_since");
        return copy;
    }
}
