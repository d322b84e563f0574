package io.github.b2bpack.webhook.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class WebhookPayloadsTest {

    @Test
    void userEventPayloadCarriesContextAndRedactsSecretDetails() {
        Event event = new Event();
        event.setId("ev-1");
        event.setTime(1_700_000_000_000L);
        event.setType(EventType.LOGIN);
        event.setRealmId("realm-id");
        event.setRealmName("acme");
        event.setUserId("user-1");
        event.setClientId("web-app");
        event.setIpAddress("203.0.113.9");
        event.setSessionId("session-1");
        Map<String, String> details = new HashMap<>();
        details.put("username", "alice");
        details.put("code_id", "code-session-id");
        details.put("refresh_token", "eyJ.secret.token");
        details.put("client_secret", "s3cr3t");
        event.setDetails(details);

        JsonNode payload = WebhookPayloads.forUserEvent(
                "user.login.success", event, new OrganizationContext("acme.com", "production"));
        assertEquals("user.login.success", payload.get("type").asText());
        assertEquals("2023-11-14T22:13:20Z", payload.get("timestamp").asText());
        JsonNode data = payload.get("data");
        assertEquals("acme", data.get("realm").asText());
        assertEquals("acme.com", data.get("organization_domain").asText());
        assertEquals("production", data.get("environment").asText());
        assertEquals("user-1", data.get("user_id").asText());
        assertEquals("web-app", data.get("client_id").asText());
        assertEquals("203.0.113.9", data.get("ip_address").asText());
        assertEquals("session-1", data.get("session_id").asText());
        assertEquals("alice", data.get("details").get("username").asText());
        assertEquals("code-session-id", data.get("details").get("code_id").asText());
        assertEquals(
                Redaction.REDACTED, data.get("details").get("refresh_token").asText());
        assertEquals(
                Redaction.REDACTED, data.get("details").get("client_secret").asText());
        String text = new String(WebhookPayloads.bytes(payload), StandardCharsets.UTF_8);
        assertFalse(text.contains("s3cr3t") || text.contains("eyJ.secret.token"), text);
    }

    @Test
    void adminResetPasswordNeverCarriesTheNewPassword() {
        AdminEvent event = adminEvent(
                ResourceType.USER,
                OperationType.ACTION,
                "users/u-42/reset-password",
                "{\"type\":\"password\",\"value\":\"N3w-Secret-Pass!\",\"temporary\":false}");
        JsonNode payload = WebhookPayloads.forAdminEvent(
                "admin.user.action.success", event, true, OrganizationContext.NONE, 32768);
        String text = new String(WebhookPayloads.bytes(payload), StandardCharsets.UTF_8);
        assertFalse(text.contains("N3w-Secret-Pass!"), text);
        JsonNode data = payload.get("data");
        assertEquals("u-42", data.get("resource_ids").get("users").asText());
        assertEquals("users/u-42/reset-password", data.get("resource_path").asText());
        assertEquals(Redaction.REDACTED, data.get("representation").get("value").asText());
        assertEquals("password", data.get("representation").get("type").asText());
    }

    @Test
    void adminRepresentationsLoseNestedSecrets() {
        AdminEvent event = adminEvent(
                ResourceType.CLIENT,
                OperationType.CREATE,
                "clients/c-1",
                "{\"clientId\":\"api\",\"secret\":\"client-s3cret\",\"attributes\":{\"client.secret.rotated\":\"old\"},"
                        + "\"credentials\":[{\"value\":\"x\"}],\"redirectUris\":[\"https://a\"]}");
        JsonNode payload = WebhookPayloads.forAdminEvent(
                "admin.client.create.success", event, true, OrganizationContext.NONE, 32768);
        String text = new String(WebhookPayloads.bytes(payload), StandardCharsets.UTF_8);
        assertFalse(text.contains("client-s3cret") || text.contains("\"old\""), text);
        assertEquals(
                "api", payload.get("data").get("representation").get("clientId").asText());
        assertTrue(payload.get("data").get("representation").get("redirectUris").isArray());
    }

    @Test
    void representationOnlyWhenTheRealmIncludesItAndNotWhenHuge() {
        AdminEvent event = adminEvent(ResourceType.USER, OperationType.CREATE, "users/u-1", "{\"username\":\"bob\"}");
        assertFalse(WebhookPayloads.forAdminEvent("c.d", event, false, OrganizationContext.NONE, 32768)
                .get("data")
                .has("representation"));
        JsonNode big = WebhookPayloads.forAdminEvent("c.d", event, true, OrganizationContext.NONE, 5)
                .get("data");
        assertFalse(big.has("representation"));
        assertTrue(big.get("representation_truncated").asBoolean());
    }

    @Test
    void nonJsonRepresentationIsNotForwarded() {
        AdminEvent event = adminEvent(ResourceType.USER, OperationType.CREATE, "users/u-1", "password=hunter2");
        String text = new String(
                WebhookPayloads.bytes(WebhookPayloads.forAdminEvent("c.d", event, true, OrganizationContext.NONE, 100)),
                StandardCharsets.UTF_8);
        assertFalse(text.contains("hunter2"), text);
    }

    private static AdminEvent adminEvent(ResourceType type, OperationType op, String path, String representation) {
        AdminEvent event = new AdminEvent();
        event.setId("a-1");
        event.setTime(1_700_000_000_000L);
        event.setRealmId("realm-id");
        event.setRealmName("acme");
        event.setResourceType(type);
        event.setOperationType(op);
        event.setResourcePath(path);
        event.setRepresentation(representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("master");
        auth.setClientId("admin-cli");
        auth.setUserId("admin-1");
        auth.setIpAddress("127.0.0.1");
        event.setAuthDetails(auth);
        return event;
    }
}
