package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.ServerMetrics;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Events become signed Standard Webhooks in the real server: payloads and signatures checked with the
 * official library, secrets redacted, the durable outbox through a receiver that is down, slow, gone
 * or failing 30% of requests, and retry/cancel through the events API. The receiver is the loopback
 * {@link WebhookReceiver} on its fixed port; every wait polls with a deadline.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookDeliveryIT extends WebhookItBase {

    private static final String REALM = "webhook-it-delivery";
    private static final String CLIENT = "web-app";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private OidcClient oidc;
    private String aliceId;

    @Override
    String realm() {
        return REALM;
    }

    @Override
    void prepareRealm() {
        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(CLIENT))
                .close();

        UserRepresentation user = Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "Martin", PASSWORD);
        try (Response created = admin.realm(REALM).users().create(user)) {
            aliceId = CreatedResponseUtil.getCreatedId(created);
        }
        oidc = new OidcClient(WebhookApi.SERVER + "/realms/" + REALM);
    }

    @Test
    void loginEventsArriveSignedWithTheirContext() {
        String key = createWebhook(List.of("user.login.*"));
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        OidcClient.Response refused = oidc.passwordGrant(CLIENT, "alice", "wrong-password");
        assertTrue(refused.status() == 400 || refused.status() == 401, refused.body());

        List<RecordedRequest> deliveries =
                receiver.awaitRequests(r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 2, WAIT);
        assertEquals(2, deliveries.size());
        Map<String, JsonNode> byType = new HashMap<>();
        for (RecordedRequest d : deliveries) {
            assertDoesNotThrow(() -> new Webhook(key).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)));
            JsonNode payload = WebhookApi.parse(d.bodyText());
            byType.put(payload.get("type").asText(), payload);
        }
        JsonNode success = byType.get("user.login.success").get("data");
        assertEquals(REALM, success.get("realm").asText());
        assertEquals(aliceId, success.get("user_id").asText());
        assertEquals(CLIENT, success.get("client_id").asText());
        assertFalse(success.get("ip_address").asText().isEmpty());
        assertFalse(success.get("session_id").asText().isEmpty());
        assertEquals("alice", success.get("details").get("username").asText());
        JsonNode error = byType.get("user.login.error").get("data");
        assertEquals("invalid_user_credentials", error.get("error").asText());
        assertFalse(byType.get("user.login.error").toString().contains("wrong-password"));

        await(() -> api.events("completed").size() == 2, "both events completed");
        JsonNode row = api.events("completed").get(0);
        assertEquals(1, row.get("attempts").asInt());
        assertEquals(204, row.get("last_status").asInt());
        assertTrue(row.get("id").asText().startsWith("msg_"));

        String metrics = ServerMetrics.text();
        assertTrue(
                metrics.contains("b2bpack_webhook_deliveries_total{outcome=\"completed\""),
                "deliveries metric exported");
        assertTrue(metrics.contains("b2bpack_webhook_first_attempt_delay_seconds"), "latency metric exported");
    }

    @Test
    void adminResetPasswordNeverCarriesTheNewPassword() throws Exception {
        createWebhook(List.of("admin.user.*"));
        String newPassword = "Brand-New-Secret-Pass-42";
        CredentialRepresentation reset = Fixtures.password(newPassword);
        admin.realm(REALM).users().get(aliceId).resetPassword(reset);

        List<RecordedRequest> deliveries = receiver.awaitRequests(
                r -> hookPath.equals(r.path()) && r.bodyText().contains("reset-password"), 1, WAIT);
        assertEquals(1, deliveries.size());
        String body = deliveries.get(0).bodyText();
        assertFalse(body.contains(newPassword), body);
        JsonNode data = WebhookApi.parse(body).get("data");
        assertEquals(
                "admin.user.action.success", WebhookApi.parse(body).get("type").asText());
        assertEquals(aliceId, data.get("resource_ids").get("users").asText());
        if (data.has("representation")) {
            assertEquals("**REDACTED**", data.get("representation").get("value").asText());
        }

        // A user created with a password in its representation: the credential value is redacted.
        UserRepresentation bob = new UserRepresentation();
        bob.setUsername("bob");
        bob.setEnabled(true);
        CredentialRepresentation bobPassword = new CredentialRepresentation();
        bobPassword.setType(CredentialRepresentation.PASSWORD);
        bobPassword.setValue("Bobs-Initial-Secret-77");
        bob.setCredentials(List.of(bobPassword));
        admin.realm(REALM).users().create(bob).close();
        List<RecordedRequest> created = receiver.awaitRequests(
                r -> hookPath.equals(r.path()) && r.bodyText().contains("admin.user.create.success"), 1, WAIT);
        assertEquals(1, created.size());
        assertFalse(
                created.get(0).bodyText().contains("Bobs-Initial-Secret-77"),
                created.get(0).bodyText());
        assertEquals(
                "bob",
                WebhookApi.parse(created.get(0).bodyText())
                        .get("data")
                        .get("representation")
                        .get("username")
                        .asText());

        String stored = api.get("/webhook-events/" + deliveries.get(0).header("webhook-id"))
                .body();
        assertTrue(stored.contains("reset-password"), stored);
        assertFalse(stored.contains(newPassword), stored);
        assertFalse(ServerLog.read().contains(newPassword), "the password reached the server log");
    }

    @Test
    void receiverDownThenUpDeliversEveryEventUnderAStableId() {
        createWebhook(List.of("user.login.success"));
        receiver.goDown();
        int logins = 8;
        for (int i = 0; i < logins; i++) {
            assertEquals(
                    200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status(), "logins never wait for the receiver");
        }
        // Durable before delivery: every event is a row in the database, retried while the receiver is down.
        await(
                () -> {
                    JsonNode rows = api.events(null);
                    if (rows.size() != logins) {
                        return false;
                    }
                    for (JsonNode row : rows) {
                        if (row.get("attempts").asInt() < 2) {
                            return false;
                        }
                    }
                    return true;
                },
                "every event queued and retried at least once");
        assertEquals(0, receiver.acceptedIdsAt(hookPath).size());

        receiver.answerOk();
        await(
                () -> receiver.acceptedIdsAt(hookPath).size() == logins,
                "every event delivered once the receiver is back");
        Map<String, String> bodies = new HashMap<>();
        for (RecordedRequest r : receiver.deliveriesTo(hookPath)) {
            String previous = bodies.putIfAbsent(r.header("webhook-id"), r.bodyText());
            assertTrue(
                    previous == null || previous.equals(r.bodyText()),
                    "a retry resends the same bytes under the same id");
        }
        assertEquals(logins, bodies.size(), "one webhook-id per event, repeats are retries");
        await(() -> api.events("completed").size() == logins, "all completed");
    }

    @Test
    void aReceiverAnsweringInTenSecondsDoesNotSlowLogins() {
        createWebhook(List.of("user.login.success"));
        receiver.answerSlowly(Duration.ofSeconds(10));
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        receiver.awaitRequests(r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 1, WAIT);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        }
        // Five more logins are done while the receiver still holds the first delivery's connection.
        JsonNode rows = api.events(null);
        JsonNode oldest = rows.get(rows.size() - 1);
        assertEquals("executing", oldest.get("state").asText(), "first delivery still in flight: " + rows);
        assertEquals(6, rows.size());
    }

    @Test
    void goneDeactivatesTheWebhook() {
        createWebhook(List.of("user.login.success"));
        String id = api.get("/webhooks").json().get("data").get(0).get("id").asText();
        receiver.answerStatus(410);
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        await(() -> api.events("discarded").size() == 1, "the delivery is discarded after 410");
        JsonNode hook = api.get("/webhooks/" + id).json();
        assertFalse(hook.get("active").asBoolean());
        assertEquals("gone_410", hook.get("deactivated_reason").asText());
        assertEquals(1, receiver.deliveriesTo(hookPath).size(), "a 410 is not retried");
        // The node's copy of the realm's active webhooks follows the deactivation: the next login queues nothing.
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        assertEquals(1, api.events(null).size(), "an inactive webhook receives no new event");
    }

    @Test
    void retryAndCancelThroughTheEventsApi() {
        createWebhook(List.of("user.login.success"));
        // 429 with Retry-After: 1 h keeps both rows in "retryable", never picked up by a sweep meanwhile
        // (with the test schedule's 1 s, a row could be "executing" right when the retry arrives).
        receiver.answerTooManyRequests(3600);
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        await(() -> api.events("retryable").size() == 2, "both failed once");
        assertEquals(2, receiver.deliveriesTo(hookPath).size(), "one attempt each");
        JsonNode rows = api.events("retryable");
        String cancelled = rows.get(0).get("id").asText();
        String retried = rows.get(1).get("id").asText();

        OidcClient.Response cancel = api.post("/webhook-events/" + cancelled + "/cancel", null);
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals("cancelled", cancel.json().get("state").asText());
        assertEquals(
                409, api.post("/webhook-events/" + cancelled + "/cancel", null).status(), "already cancelled");

        receiver.answerOk();
        OidcClient.Response retry = api.post("/webhook-events/" + retried + "/retry", null);
        assertEquals(202, retry.status(), retry.body());
        assertEquals("available", retry.json().get("state").asText(), retry.body());
        await(() -> receiver.acceptedIdsAt(hookPath).contains(retried), "the retried event arrives");
        await(
                () -> "completed"
                        .equals(api.get("/webhook-events/" + retried)
                                .json()
                                .get("state")
                                .asText()),
                "completed");
        assertFalse(receiver.acceptedIdsAt(hookPath).contains(cancelled), "a cancelled event is never delivered");
        assertEquals(
                "cancelled",
                api.get("/webhook-events/" + cancelled).json().get("state").asText());

        OidcClient.Response again = api.post("/webhook-events/" + cancelled + "/retry", null);
        assertEquals(202, again.status(), again.body());
        await(
                () -> receiver.acceptedIdsAt(hookPath).contains(cancelled),
                "a cancelled event can be sent again on request");
    }

    @Test
    void duringRotationBothKeysSign() {
        String oldKey = createWebhook(List.of("user.*"));
        String id = api.get("/webhooks").json().get("data").get(0).get("id").asText();
        String newKey = api.post("/webhooks/" + id + "/rotate-secret", null)
                .json()
                .get("signature_key")
                .asText();
        OidcClient.Response test =
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\",\"send\":true}");
        assertEquals(200, test.status(), test.body());
        assertEquals(1, test.json().get("enqueued").size());
        List<RecordedRequest> deliveries =
                receiver.awaitRequests(r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 1, WAIT);
        RecordedRequest d = deliveries.get(0);
        assertEquals(2, d.header("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(oldKey).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)));
        assertDoesNotThrow(() -> new Webhook(newKey).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)));
    }

    /**
     * A login's delivery is sent by the node straight after commit with keys the node keeps in memory:
     * a rotation must reach them, so the login after it is signed by both keys.
     */
    @Test
    void aRotationReachesTheKeysOfDirectDeliveries() {
        String oldKey = createWebhook(List.of("user.login.success"));
        String id = api.get("/webhooks").json().get("data").get(0).get("id").asText();
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        RecordedRequest before = receiver.awaitRequests(
                        r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 1, WAIT)
                .get(0);
        assertEquals(1, before.header("webhook-signature").split(" ").length, "one key before the rotation");

        String newKey = api.post("/webhooks/" + id + "/rotate-secret", null)
                .json()
                .get("signature_key")
                .asText();
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        RecordedRequest after = receiver.awaitRequests(
                        r -> hookPath.equals(r.path())
                                && r.header("webhook-id") != null
                                && !r.header("webhook-id").equals(before.header("webhook-id")),
                        1,
                        WAIT)
                .get(0);
        assertEquals(2, after.header("webhook-signature").split(" ").length, after.header("webhook-signature"));
        assertDoesNotThrow(() -> new Webhook(newKey).verify(after.bodyText(), WebhookReceiver.lowerCaseHeaders(after)));
        assertDoesNotThrow(() -> new Webhook(oldKey).verify(after.bodyText(), WebhookReceiver.lowerCaseHeaders(after)));
    }

    /**
     * Switching a webhook to v1a (Ed25519) is a rotation: during the grace period the old HMAC key and the new
     * Ed25519 key both sign; the v1a signature verifies with nothing but the returned {@code whpk_} public key.
     */
    @Test
    void switchingToV1aSignsWithEd25519VerifiableWithThePublicKey() throws Exception {
        String oldKey = createWebhook(List.of("user.*"));
        String id = api.get("/webhooks").json().get("data").get(0).get("id").asText();
        String body =
                "{\"name\":\"receiver\",\"target_url\":\"" + RECEIVER + hookPath + "\",\"event_codes\":[\"user.*\"],";
        assertEquals(
                400,
                api.put("/webhooks/" + id, body + "\"signature_scheme\":\"v2\"}")
                        .status(),
                "unknown scheme");
        OidcClient.Response switched = api.put("/webhooks/" + id, body + "\"signature_scheme\":\"v1a\"}");
        assertEquals(200, switched.status(), switched.body());
        assertEquals("v1a", switched.json().get("signature_scheme").asText());
        assertFalse(switched.json().has("signature_key"), "the private key never leaves the server");
        String publicKey = switched.json().get("public_key").asText();
        assertTrue(publicKey.startsWith("whpk_"), publicKey);
        JsonNode read = api.get("/webhooks/" + id).json();
        assertEquals(publicKey, read.get("public_key").asText());
        assertFalse(read.has("signature_key"));

        OidcClient.Response test =
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\",\"send\":true}");
        assertEquals(200, test.status(), test.body());
        RecordedRequest d = receiver.awaitRequests(
                        r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 1, WAIT)
                .get(0);
        String[] signatures = d.header("webhook-signature").split(" ");
        assertEquals(2, signatures.length, d.header("webhook-signature"));
        assertTrue(signatures[0].startsWith("v1a,"), signatures[0]);
        String signed = d.header("webhook-id") + "." + d.header("webhook-timestamp") + "." + d.bodyText();
        assertTrue(
                verifyEd25519(publicKey, signed, java.util.Base64.getDecoder().decode(signatures[0].substring(4))));
        assertDoesNotThrow(
                () -> new Webhook(oldKey).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)),
                "the old HMAC key still verifies during the grace period");
    }

    /** What a receiver does with a {@code whpk_} key: rebuild the X.509 form of the raw 32 bytes and verify with the JDK. */
    private static boolean verifyEd25519(String whpk, String signedText, byte[] signature) throws Exception {
        byte[] raw = java.util.Base64.getDecoder().decode(whpk.substring("whpk_".length()));
        byte[] x509 = new byte[12 + raw.length];
        System.arraycopy(
                new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, raw.length);
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(x509)));
        verifier.update(signedText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    /**
     * Keycloak hands the admin event to listeners before the request commits; a role description longer
     * than its database column then fails the commit. The listener did write a row (the enqueued counter
     * moves), and the rollback took it away: no delivery row, nothing sent. The same request with a valid
     * description is delivered.
     */
    @Test
    void aRolledBackTransactionLeavesNoDelivery() throws Exception {
        createWebhook(List.of("admin.realm_role.create.success"));
        double enqueuedBefore = enqueuedRows();
        OidcClient.Response failed =
                createRole("{\"name\":\"rolled-back\",\"description\":\"" + "x".repeat(5000) + "\"}");
        assertTrue(failed.status() >= 400, "the commit fails: " + failed.status());
        assertEquals(enqueuedBefore + 1, enqueuedRows(), "the listener wrote a row inside the transaction");
        assertEquals(
                0, api.get("/webhook-events?per_page=1").json().get("total").asInt(), "no row survived the rollback");
        assertEquals(
                404,
                OidcClient.send(HttpRequest.newBuilder(
                                        URI.create(WebhookApi.SERVER + "/admin/realms/" + REALM + "/roles/rolled-back"))
                                .header(
                                        "Authorization",
                                        "Bearer " + admin.tokenManager().getAccessTokenString())
                                .GET()
                                .build())
                        .status());

        // Instead of sleeping through sweeps: the next event of the same webhook is written, sent and
        // recorded as completed; by then a row the rollback left behind would be listed beside it.
        assertEquals(
                201,
                createRole("{\"name\":\"committed\",\"description\":\"fits\"}").status());
        await(() -> receiver.deliveriesTo(hookPath).size() == 1, "the committed event delivered");
        await(() -> api.events("completed").size() == 1, "the committed event recorded as completed");
        assertEquals(
                1, api.get("/webhook-events?per_page=1").json().get("total").asInt(), "no row survived the rollback");
        assertTrue(
                receiver.deliveriesTo(hookPath).get(0).bodyText().contains("committed"),
                "the delivery is the committed role's");
        assertFalse(
                receiver.deliveriesTo(hookPath).stream()
                        .anyMatch(d -> d.bodyText().contains("rolled-back")),
                "the rolled-back role was never sent");
    }

    private OidcClient.Response createRole(String json) {
        return OidcClient.send(HttpRequest.newBuilder(
                        URI.create(WebhookApi.SERVER + "/admin/realms/" + REALM + "/roles"))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static double enqueuedRows() {
        return ServerMetrics.sum(ServerMetrics.text(), "b2bpack_webhook_enqueued_total");
    }

    /** CI-sized version of the 10,000-event run (see docs/benchmarks.md): nothing is lost. */
    @Test
    void aReceiverFailing30PercentLosesNothing() {
        createWebhook(List.of("admin.group.create.success"));
        receiver.failRatio(0.3, 42);
        int events = 200;
        for (int i = 0; i < events; i++) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName("group-" + i);
            admin.realm(REALM).groups().add(group).close();
        }
        await(
                () -> receiver.acceptedIdsAt(hookPath).size() >= events,
                () -> "every event accepted: "
                        + receiver.acceptedIdsAt(hookPath).size() + " of " + events + " after "
                        + receiver.deliveriesTo(hookPath).size()
                        + " attempts; outbox: " + stateCounts());
        assertEquals(events, receiver.acceptedIdsAt(hookPath).size());
        Set<String> ids = new HashSet<>();
        receiver.deliveriesTo(hookPath).forEach(r -> ids.add(r.header("webhook-id")));
        assertEquals(events, ids.size());
        assertTrue(receiver.deliveriesTo(hookPath).size() > events, "some attempts failed and were retried");
        await(
                () -> api.get("/webhook-events?state=completed&per_page=1")
                                .json()
                                .get("total")
                                .asInt()
                        == events,
                "all completed");
    }

    private String createWebhook(List<String> codes) {
        OidcClient.Response created = api.createWebhook("receiver", RECEIVER + hookPath, codes);
        assertEquals(201, created.status(), created.body());
        return created.json().get("signature_key").asText();
    }

    /** How many of this realm's deliveries are in each state, for a failure message. */
    private String stateCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String state : List.of("available", "executing", "retryable", "completed", "discarded", "cancelled")) {
            counts.put(
                    state,
                    api.get("/webhook-events?state=" + state + "&per_page=1")
                            .json()
                            .get("total")
                            .asInt());
        }
        return counts.toString();
    }

    private static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
