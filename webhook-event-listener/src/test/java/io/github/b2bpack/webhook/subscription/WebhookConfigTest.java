package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class WebhookConfigTest {

    private static ComponentModel component() {
        ComponentModel c = new ComponentModel();
        c.setId("0b6a6a9e-8c3f-4d7e-9a59-6a0f1e2d3c4b");
        c.setParentId("realm-1");
        c.setProviderType(WebhookConfig.PROVIDER_TYPE);
        c.setProviderId(WebhookConfig.PROVIDER_ID);
        return c;
    }

    @Test
    void aComponentReadsAsTheWebhookItHolds() {
        ComponentModel c = component();
        WebhookConfig.put(
                c, "crm", "https://crm.example/hooks", List.of("user.*", "admin.user.*.success"), false, "v1a");
        c.put(WebhookConfig.PUBLIC_KEY, "whpk_x");
        c.put(WebhookConfig.CREATED_AT, 10L);
        c.put(WebhookConfig.UPDATED_AT, 20L);
        c.put(WebhookConfig.DEACTIVATED_REASON, "gone_410");
        Webhook w = WebhookConfig.toWebhook(c);
        assertEquals("crm", w.name());
        assertEquals("crm", c.getName(), "the component's name is the webhook's");
        assertEquals("realm-1", w.realmId());
        assertEquals(List.of("user.*", "admin.user.*.success"), w.eventCodes());
        assertFalse(w.active());
        assertEquals("v1a", w.signatureScheme());
        assertEquals(10L, w.createdAt());
        assertEquals(20L, w.updatedAt());
        assertEquals("gone_410", w.deactivatedReason());
        assertNull(w.previousKeyUntil(), "no previous key, no grace period");
        assertTrue(WebhookConfig.isWebhook(c));
    }

    @Test
    void eventCodesTypedOnOneConsoleLineAreSplitAndDeduplicated() {
        ComponentModel c = component();
        c.getConfig()
                .put(
                        WebhookConfig.EVENT_CODES,
                        new java.util.ArrayList<>(List.of("user.login.success, user.logout.success", "user.*")));
        c.getConfig().add(WebhookConfig.EVENT_CODES, "user.*");
        assertEquals(
                List.of("user.login.success", "user.logout.success", "user.*"),
                WebhookConfig.eventCodes(c.getConfig()));
    }

    @Test
    void otherPagesAreNotWebhooks() {
        ComponentModel c = component();
        c.setProviderId("another-page");
        assertFalse(WebhookConfig.isWebhook(c));
        assertFalse(WebhookConfig.isWebhook(null));
    }
}
