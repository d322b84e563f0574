package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.standardwebhooks.Webhook;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonFormat;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The event catalog and the CloudEvents format in the real server: the catalog read over HTTP with the webhooks
 * API's permissions, real deliveries validated against the schema the catalog gives for their code (a JSON Schema
 * validator, formats asserted), and a cloudevents webhook whose deliveries the CloudEvents Java SDK reads and the
 * Standard Webhooks library verifies, like standard ones.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookCatalogIT extends WebhookItBase {

    private static final String REALM = "webhook-it-catalog";
    private static final String CLIENT = "web-app";
    private static final String PASSWORD = "Catalog-Horse-Battery-9";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OidcClient oidc;

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
        Users.create(
                admin, REALM, Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "Martin", PASSWORD));
        oidc = new OidcClient(WebhookApi.SERVER + "/realms/" + REALM);
    }

    @Test
    void theCatalogIsReadWithViewEvents() {
        assertEquals(
                401,
                new WebhookApi(REALM, () -> null).get("/webhook-event-types").status());
        String stranger = tokenOfUserWith("stranger", "view-users");
        assertEquals(
                403,
                new WebhookApi(REALM, () -> stranger)
                        .get("/webhook-event-types")
                        .status());
        String viewer = tokenOfUserWith("viewer", "view-events");
        WebhookApi asViewer = new WebhookApi(REALM, () -> viewer);

        OidcClient.Response all = asViewer.get("/webhook-event-types");
        assertEquals(200, all.status(), all.body());
        JsonNode data = all.json().get("data");
        assertEquals(data.size(), all.json().get("total").asInt());
        Set<String> codes = new HashSet<>();
        data.forEach(e -> codes.add(e.get("code").asText()));
        assertTrue(
                codes.containsAll(List.of(
                        "user.login.success",
                        "user.login.error",
                        "user.sms_otp.code_sent.success",
                        // A three-segment b2bpack_event is a code of its own (Directory Sync, Cryptr's names).
                        "dir_sync.user.provision.success",
                        "admin.directory_sync.create.success",
                        "admin.user.create.success",
                        "admin.webhook.update.success",
                        "user.*.success",
                        "admin.*.*.error")),
                codes.toString());
        System.out.printf(
                "catalog: %d entries, %d bytes%n", data.size(), all.body().length());

        OidcClient.Response one = asViewer.get("/webhook-event-types?code=user.login.success");
        assertEquals(200, one.status(), one.body());
        JsonNode entry = one.json().get("data").get(0);
        assertEquals(1, one.json().get("total").asInt());
        assertFalse(entry.get("description").asText().isBlank());
        assertEquals(
                "io.github.b2bpack.user.login.success",
                entry.get("cloudevents_type").asText());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                entry.get("schema").get("$schema").asText());
        assertEquals(
                8,
                asViewer.get("/webhook-event-types?code=admin.user.*")
                        .json()
                        .get("total")
                        .asInt());
        assertEquals(
                10,
                asViewer.get("/webhook-event-types?code=dir_sync.*")
                        .json()
                        .get("total")
                        .asInt());
        OidcClient.Response bad = asViewer.get("/webhook-event-types?code=" + url("User Login!"));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_request", bad.json().get("error").asText());
    }

    @Test
    void deliveredPayloadsMatchTheirSchemaFromTheCatalog() {
        String key = createWebhook(List.of("user.login.*", "admin.user.*"), null);
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        oidc.passwordGrant(CLIENT, "alice", "wrong-password");
        UserRepresentation bob = Fixtures.userWithPassword("bob", "bob@example.com", "Bob", "Stone", PASSWORD);
        Users.create(admin, REALM, bob);
        // A trigger-test sample goes through the same path: it too must match its code's schema.
        OidcClient.Response sent = api.post(
                "/webhook-events/trigger-test", "{\"event_code\":\"admin.user.delete.success\",\"send\":true}");
        assertEquals(200, sent.status(), sent.body());

        Set<String> expected = Set.of(
                "user.login.success", "user.login.error", "admin.user.create.success", "admin.user.delete.success");
        List<RecordedRequest> deliveries = receiver.awaitRequests(
                r -> hookPath.equals(r.path())
                        && expected.contains(
                                WebhookApi.parse(r.bodyText()).get("type").asText()),
                4,
                WAIT);
        Set<String> types = new HashSet<>();
        // Every delivery of this webhook, the four awaited and any other admin.user.* event, against its schema.
        for (RecordedRequest d : receiver.deliveriesTo(hookPath)) {
            assertDoesNotThrow(() -> new Webhook(key).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)));
            assertTrue(d.header("content-type").startsWith("application/json"), d.header("content-type"));
            JsonNode payload = WebhookApi.parse(d.bodyText());
            String code = payload.get("type").asText();
            types.add(code);
            assertValid(schemaOf(code), payload, code);
        }
        assertEquals(4, deliveries.size());
        assertTrue(types.containsAll(expected), types.toString());
    }

    @Test
    void aCloudEventsWebhookGetsStructuredEventsSignedLikeStandardOnes() throws Exception {
        OidcClient.Response refused = api.post(
                "/webhooks",
                "{\"name\":\"ce\",\"target_url\":\"" + RECEIVER + hookPath
                        + "\",\"event_codes\":[\"*\"],\"payload_format\":\"CloudEvents\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().get("error_description").asText().contains("payload_format"), refused.body());

        OidcClient.Response created = create(List.of("user.login.*"), "cloudevents");
        String key = created.json().get("signature_key").asText();
        String id = created.json().get("id").asText();
        assertEquals("cloudevents", created.json().get("payload_format").asText());
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());

        RecordedRequest d =
                receiver.awaitRequests(r -> hookPath.equals(r.path()), 1, WAIT).get(0);
        assertTrue(d.header("content-type").startsWith("application/cloudevents+json"), d.header("content-type"));
        assertDoesNotThrow(() -> new Webhook(key).verify(d.bodyText(), WebhookReceiver.lowerCaseHeaders(d)));
        CloudEvent event = new JsonFormat().deserialize(d.body());
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals(d.header("webhook-id"), event.getId());
        assertEquals("/realms/" + REALM, event.getSource().toString());
        assertEquals("io.github.b2bpack.user.login.success", event.getType());
        assertEquals("application/json", event.getDataContentType());
        assertTrue(event.getTime() != null);
        // The event's data is the standard payload's data: valid against the catalog's schema of the code.
        JsonNode raw = WebhookApi.parse(d.bodyText());
        ObjectNode standard = WebhookApi.JSON.createObjectNode();
        standard.put("type", "user.login.success");
        standard.put("timestamp", raw.get("time").asText());
        standard.set("data", WebhookApi.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8)));
        assertValid(schemaOf("user.login.success"), standard, "cloudevents data");
        // Stored bytes are the sent bytes: the events API shows the same event.
        JsonNode stored = api.get("/webhook-events/" + event.getId()).json().get("payload");
        assertEquals(raw, stored);

        // An update without payload_format keeps it; with "standard" the next delivery is a standard body.
        String put =
                "{\"name\":\"ce\",\"target_url\":\"" + RECEIVER + hookPath + "\",\"event_codes\":[\"user.login.*\"]";
        assertEquals(
                "cloudevents",
                api.put("/webhooks/" + id, put + "}")
                        .json()
                        .get("payload_format")
                        .asText());
        assertEquals(
                "standard",
                api.put("/webhooks/" + id, put + ",\"payload_format\":\"standard\"}")
                        .json()
                        .get("payload_format")
                        .asText());
        receiver.clear();
        assertEquals(200, oidc.passwordGrant(CLIENT, "alice", PASSWORD).status());
        RecordedRequest after =
                receiver.awaitRequests(r -> hookPath.equals(r.path()), 1, WAIT).get(0);
        assertTrue(after.header("content-type").startsWith("application/json"), after.header("content-type"));
        assertEquals(
                "user.login.success",
                WebhookApi.parse(after.bodyText()).get("type").asText());
        assertDoesNotThrow(() -> new Webhook(key).verify(after.bodyText(), WebhookReceiver.lowerCaseHeaders(after)));
    }

    /** The schema the catalog gives for {@code code}, read over HTTP as an operator would. */
    private JsonNode schemaOf(String code) {
        OidcClient.Response r = api.get("/webhook-event-types?code=" + url(code));
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("total").asInt(), r.body());
        return r.json().get("data").get(0).get("schema");
    }

    private static void assertValid(JsonNode schema, JsonNode payload, String what) {
        List<Error> errors = SCHEMAS.getSchema(schema)
                .validate(payload, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertTrue(errors.isEmpty(), what + ": " + errors + " in " + payload);
    }

    private String createWebhook(List<String> codes, String format) {
        return create(codes, format).json().get("signature_key").asText();
    }

    private OidcClient.Response create(List<String> codes, String format) {
        ObjectNode body =
                WebhookApi.JSON.createObjectNode().put("name", "receiver").put("target_url", RECEIVER + hookPath);
        codes.forEach(body.putArray("event_codes")::add);
        if (format != null) {
            body.put("payload_format", format);
        }
        OidcClient.Response created = api.post("/webhooks", body.toString());
        assertEquals(201, created.status(), created.body());
        return created;
    }

    private String tokenOfUserWith(String username, String realmManagementRole) {
        String id = Users.create(
                admin, REALM, Fixtures.userWithPassword(username, username + "@example.com", username, "T", PASSWORD));
        Users.grantClientRoles(admin, REALM, id, "realm-management", realmManagementRole);
        return Users.adminCliToken(REALM, username, PASSWORD);
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
