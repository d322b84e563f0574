package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectTestDatabase;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.database.TestDatabase;

/**
 * Webhooks as realm configuration: {@code kc.sh export} (a separate process on the ITs' database) → delete the realm →
 * import it (the admin API's realm creation from the exported JSON, Keycloak's realm import code) → the webhooks are
 * back with their ids and keys and deliver signed with the key shown at creation; the console's partial export masks
 * the keys; {@code webhooks/import} and {@code webhooks/copy} create webhooks with new keys, with their bad input.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookConfigAsCodeIT extends WebhookItBase {

    private static final String REALM = "webhook-it-config-code";
    private static final String SANDBOX = "webhook-it-sandbox";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectTestDatabase
    TestDatabase database;

    @Override
    String realm() {
        return REALM;
    }

    private JsonNode create(WebhookApi in, String name, String scheme) {
        OidcClient.Response created = in.post(
                "/webhooks",
                "{\"name\":\"" + name + "\",\"target_url\":\"" + RECEIVER + hookPath
                        + "\",\"event_codes\":[\"user.login.success\"],\"signature_scheme\":\"" + scheme + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    void exportDeleteImportBringsTheWebhooksBackWithTheirKeys() throws Exception {
        JsonNode v1 = create(api, "crm", "v1");
        JsonNode v1a = create(api, "ledger", "v1a");
        String secret = v1.get("signature_key").asText();

        Path file = Files.createTempDirectory("b2bpack-export").resolve(REALM + ".json");
        export(REALM, file);
        String exported = Files.readString(file);
        assertFalse(exported.contains(secret), "a full export carries the key encrypted, never in clear");
        JsonNode webhooks = WebhookApi.parse(exported).get("components").get(PAGE_TYPE);
        assertEquals(2, webhooks.size(), exported);

        admin.realm(REALM).remove();
        BearerHttp realms = new BearerHttp(
                WebhookApi.SERVER + "/admin/realms",
                () -> admin.tokenManager().getAccessTokenString(),
                Duration.ofSeconds(60));
        OidcClient.Response imported = realms.post("", exported);
        assertEquals(201, imported.status(), imported.body());

        JsonNode after = api.get("/webhooks").json().get("data");
        assertEquals(2, after.size(), after.toString());
        assertEquals(v1.get("id").asText(), after.get(0).get("id").asText(), "same id");
        assertEquals(
                v1a.get("public_key").asText(), after.get(1).get("public_key").asText(), "same v1a key");
        OidcClient.Response test =
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\",\"send\":true}");
        assertEquals(200, test.status(), test.body());
        List<RecordedRequest> deliveries =
                receiver.awaitRequests(r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 2, WAIT);
        RecordedRequest hmac = deliveries.stream()
                .filter(r -> r.header("webhook-signature").startsWith("v1,"))
                .findFirst()
                .orElseThrow();
        assertDoesNotThrow(
                () -> new Webhook(secret).verify(hmac.bodyText(), WebhookReceiver.lowerCaseHeaders(hmac)),
                "signed with the key shown at creation");
    }

    /**
     * Attacks through Keycloak's own component endpoints (a {@code manage-realm} admin, review of issue 16): planting a
     * second signing key (a vault reference: before the mend its lookup threw in the outbox's realm-less session and
     * stalled the queue; a foreign key would sign beside the real one), and turning another component (a key
     * provider, which has no cap) into a webhook to get past the per-realm cap.
     */
    @Test
    void componentWritesCannotPlantASigningKeyNorConvertAnotherComponent() {
        JsonNode v1 = create(api, "crm", "v1");
        String id = v1.get("id").asText();
        var component = admin.realm(REALM).components().component(id);
        org.keycloak.representations.idm.ComponentRepresentation rep = component.toRepresentation();
        rep.getConfig().putSingle("previous_signing_key", "${vault.anything}");
        rep.getConfig().putSingle("previous_key_until", "9999999999999");
        component.update(rep);
        OidcClient.Response test =
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\",\"send\":true}");
        assertEquals(200, test.status(), test.body());
        RecordedRequest delivered = receiver.awaitRequests(
                        r -> hookPath.equals(r.path()) && r.header("webhook-id") != null, 1, WAIT)
                .get(0);
        String signatures = delivered.header("webhook-signature");
        assertEquals(1, signatures.split(" ").length, "one signature, the webhook's own key only: " + signatures);
        assertDoesNotThrow(() -> new Webhook(v1.get("signature_key").asText())
                .verify(delivered.bodyText(), WebhookReceiver.lowerCaseHeaders(delivered)));

        org.keycloak.representations.idm.ComponentRepresentation keys =
                new org.keycloak.representations.idm.ComponentRepresentation();
        keys.setName("spare-keys");
        keys.setProviderId("rsa-generated");
        keys.setProviderType("org.keycloak.keys.KeyProvider");
        keys.setParentId(admin.realm(REALM).toRepresentation().getId());
        keys.setConfig(new org.keycloak.common.util.MultivaluedHashMap<>());
        keys.getConfig().putSingle("priority", "1");
        try (jakarta.ws.rs.core.Response added = admin.realm(REALM).components().add(keys)) {
            assertEquals(201, added.getStatus());
        }
        org.keycloak.representations.idm.ComponentRepresentation spare =
                admin.realm(REALM).components().query(keys.getParentId(), "org.keycloak.keys.KeyProvider").stream()
                        .filter(c -> "spare-keys".equals(c.getName()))
                        .findFirst()
                        .orElseThrow();
        spare.setProviderType(PAGE_TYPE);
        spare.setProviderId("b2bpack-webhooks");
        spare.getConfig().putSingle("name", "converted");
        spare.getConfig().putSingle("target_url", RECEIVER + hookPath);
        spare.getConfig().putSingle("event_codes", "user.login.success");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.ws.rs.WebApplicationException.class,
                () -> admin.realm(REALM).components().component(spare.getId()).update(spare));
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals(1, api.get("/webhooks").json().get("data").size(), "still one webhook");
    }

    @Test
    void partialExportMasksTheKeysAndImportGivesNewOnes() {
        String secret = create(api, "crm", "v1").get("signature_key").asText();
        OidcClient.Response partial = api.post("/partial-export?exportClients=false&exportGroupsAndRoles=false", null);
        assertEquals(200, partial.status(), partial.body());
        assertFalse(partial.body().contains(secret));
        JsonNode config = partial.json().get("components").get(PAGE_TYPE).get(0).get("config");
        assertEquals("**********", config.get("signing_key").get(0).asText(), config.toString());
        assertFalse(config.has("previous_signing_key"), config.toString());

        OidcClient.Response imported = api.post("/webhooks/import", partial.body());
        assertEquals(200, imported.status(), imported.body());
        JsonNode created = imported.json().get("created").get(0);
        assertTrue(created.get("signature_key").asText().startsWith("whsec_"), created.toString());
        assertNotEquals(secret, created.get("signature_key").asText());
        assertEquals("crm", created.get("name").asText());
        assertEquals(2, api.get("/webhooks").json().get("total").asInt());

        assertEquals(400, api.post("/webhooks/import", "{").status(), "malformed JSON");
        assertEquals(400, api.post("/webhooks/import", "{}").status(), "no webhook in it");
        assertEquals(
                400,
                api.post("/webhooks/import", "[{\"config\":{\"name\":[\"x\"]}}]")
                        .status(),
                "no URL");
        assertEquals(2, api.get("/webhooks").json().get("total").asInt(), "a refused import adds nothing");
        ArrayNode many = WebhookApi.JSON.createArrayNode();
        for (int i = 0; i < 51; i++) {
            ObjectNode c = many.addObject().putObject("config");
            c.putArray("name").add("n" + i);
            c.putArray("target_url").add(RECEIVER + hookPath);
            c.putArray("event_codes").add("user.*");
        }
        OidcClient.Response tooMany = api.post("/webhooks/import", many.toString());
        assertEquals(409, tooMany.status(), "past max-webhooks-per-realm: " + tooMany.body());
        assertEquals(
                404,
                new WebhookApi("no-such-realm", () -> admin.tokenManager().getAccessTokenString())
                        .post("/webhooks/import", partial.body())
                        .status());
        assertEquals(403, asViewer().post("/webhooks/import", partial.body()).status(), "view-events only");
    }

    @Test
    void copyFromASandboxRealmMakesNewIdsAndKeys() {
        admin.realms().create(Fixtures.webhookRealm(SANDBOX));
        try {
            WebhookApi sandbox =
                    new WebhookApi(SANDBOX, () -> admin.tokenManager().getAccessTokenString());
            JsonNode a = create(sandbox, "crm", "v1");
            JsonNode b = create(sandbox, "ledger", "v1a");
            OidcClient.Response copied = api.post("/webhooks/copy", "{\"from_realm\":\"" + SANDBOX + "\"}");
            assertEquals(200, copied.status(), copied.body());
            JsonNode created = copied.json().get("created");
            assertEquals(2, created.size(), created.toString());
            List<String> ids = new ArrayList<>();
            created.forEach(c -> ids.add(c.get("id").asText()));
            assertFalse(
                    ids.contains(a.get("id").asText())
                            || ids.contains(b.get("id").asText()),
                    "new ids");
            JsonNode crm = created.get(0).get("name").asText().equals("crm") ? created.get(0) : created.get(1);
            JsonNode ledger = crm == created.get(0) ? created.get(1) : created.get(0);
            assertTrue(crm.get("signature_key").asText().startsWith("whsec_"), crm.toString());
            assertNotEquals(
                    a.get("signature_key").asText(), crm.get("signature_key").asText(), "a new v1 secret");
            assertNotEquals(
                    b.get("public_key").asText(), ledger.get("public_key").asText(), "a new v1a key pair");

            assertEquals(
                    404,
                    api.post("/webhooks/copy", "{\"from_realm\":\"no-such-realm\"}")
                            .status());
            assertEquals(400, api.post("/webhooks/copy", "{").status(), "malformed JSON");
            assertEquals(400, api.post("/webhooks/copy", "{\"from\":\"x\"}").status(), "unknown field");
            assertEquals(
                    400,
                    api.post("/webhooks/copy", "{\"from_realm\":\"" + REALM + "\"}")
                            .status());
            assertEquals(
                    403,
                    asRealmAdmin()
                            .post("/webhooks/copy", "{\"from_realm\":\"" + SANDBOX + "\"}")
                            .status(),
                    "this realm's own admin has no right on the sandbox");
            assertEquals(2, api.get("/webhooks").json().get("total").asInt());
        } finally {
            admin.realm(SANDBOX).remove();
        }
    }

    /** {@code kc.sh export} of one realm, in its own process on the ITs' database, with local caches. */
    private void export(String realm, Path file) throws Exception {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-keycloak", "keycloak-26.7.3");
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "export",
                "--optimized",
                "--realm=" + realm,
                "--file=" + file,
                "--users=same_file",
                "--cache=local",
                // The ITs' server holds the management port (9000); this process needs one of its own.
                "--http-management-port=19020"));
        database.serverConfig().forEach((k, v) -> {
            if (!k.equals("db")) {
                command.add("--" + k + "=" + v);
            }
        });
        Path log = file.resolveSibling("export.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "kc.sh export did not finish");
        assertEquals(0, process.exitValue(), Files.readString(log));
    }

    /** The admin API as a user of this realm with view-events only. */
    private WebhookApi asViewer() {
        return asUser("viewer", "view-events");
    }

    /** The admin API as this realm's own administrator (manage-events here, nothing in other realms). */
    private WebhookApi asRealmAdmin() {
        return asUser("tenant-admin", "realm-admin");
    }

    private WebhookApi asUser(String username, String role) {
        String id = Users.create(
                admin, REALM, Fixtures.userWithPassword(username, username + "@example.com", "Test", "User", PASSWORD));
        Users.grantClientRoles(admin, REALM, id, "realm-management", role);
        return new WebhookApi(REALM, () -> Users.adminCliToken(REALM, username, PASSWORD));
    }
}
