package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Self-healing endpoints in the real server, with the ITs' {@code disable-after} of 30 s and their retry schedule
 * (10 attempts over ~16 s): one receiver path plays the failing endpoint ({@code crm}, subscribed to group creations)
 * and another a healthy operations webhook ({@code ops}, subscribed to {@code webhook.endpoint.*}). The first discarded
 * delivery makes {@code webhook.endpoint.failing}; a failed attempt 30 s after the first failure disables {@code crm}
 * with an admin event and {@code webhook.endpoint.disabled}; re-enabling answers the recover hint, and the recover call
 * it names re-queues what was discarded. A 2xx before the period sends {@code webhook.endpoint.recovered} instead.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookSelfHealingIT extends WebhookItBase {

    private static final String REALM = "webhook-it-healing";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The ITs' {@code disable-after}. */
    private static final Duration PERIOD = Duration.ofSeconds(30);

    private String crmPath;
    private String opsPath;

    @Override
    String realm() {
        return REALM;
    }

    @Override
    void prepareRealm() {
        crmPath = hookPath + "/crm";
        opsPath = hookPath + "/ops";
    }

    @Test
    void anEndpointFailingForThePeriodIsDisabledWithItsEventsAndReEnablingOffersRecovery() throws Exception {
        String ops = webhook("ops", opsPath, "webhook.endpoint.*");
        String crm = webhook("crm", crmPath + "?token=t0k3n", "admin.group.*");
        receiver.answerStatusAt(crmPath, 500);
        Instant start = Instant.now();
        group();

        JsonNode failing = awaitOps("webhook.endpoint.failing", 1).get(0);
        JsonNode f = failing.get("data");
        assertEquals(crm, f.get("webhook_id").asText(), failing.toString());
        assertEquals("crm", f.get("name").asText());
        assertEquals("127.0.0.1", f.get("target_host").asText());
        assertEquals(500, f.get("last_status").asInt());
        assertEquals("http_500", f.get("last_error").asText());
        Instant failingSince = Instant.parse(f.get("failing_since").asText());
        assertTrue(!failingSince.isBefore(start.minusSeconds(1)), failing.toString());
        assertEquals(REALM, f.get("realm").asText());
        JsonNode crmNow = api.get("/webhooks/" + crm).json();
        assertTrue(crmNow.get("active").asBoolean(), "failing, not disabled yet: " + crmNow);
        assertEquals(failingSince.toString(), crmNow.get("failing_since").asText());
        assertNull(api.get("/webhooks/" + ops).json().get("failing_since"), "a healthy webhook has none");

        // Keep the endpoint busy failing until a failed attempt lands past the period.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.get("/webhooks/" + crm).json().get("active").asBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not disabled within " + WAIT);
            group();
            Thread.sleep(2000);
        }
        JsonNode disabledHook = api.get("/webhooks/" + crm).json();
        assertEquals("auto_disabled", disabledHook.get("deactivated_reason").asText(), disabledHook.toString());
        assertEquals(failingSince.toString(), disabledHook.get("failing_since").asText());

        JsonNode disabled = awaitOps("webhook.endpoint.disabled", 1).get(0);
        JsonNode d = disabled.get("data");
        assertEquals(crm, d.get("webhook_id").asText());
        assertEquals("auto_disabled", d.get("deactivated_reason").asText());
        assertEquals(PERIOD.toSeconds(), d.get("disable_after_seconds").asLong());
        assertEquals(failingSince.toString(), d.get("failing_since").asText());
        Instant disabledAt = Instant.parse(disabled.get("timestamp").asText());
        assertTrue(
                Duration.between(failingSince, disabledAt).compareTo(PERIOD) >= 0,
                "disabled only once every attempt failed for the period: " + failingSince + " → " + disabledAt);
        for (RecordedRequest r : receiver.deliveriesTo(opsPath)) {
            String body = r.bodyText();
            assertFalse(body.contains("t0k3n") || body.contains(crmPath), "never the target URL: " + body);
        }

        // The admin event: UPDATE on webhooks/{id}, saying it was auto-disabled.
        List<AdminEventRepresentation> audits = admin.realm(REALM).getAdminEvents().stream()
                .filter(e -> "UPDATE".equals(String.valueOf(e.getOperationType())))
                .filter(e -> ("webhooks/" + crm).equals(e.getResourcePath()))
                .toList();
        assertEquals(1, audits.size(), "one admin event");
        JsonNode audit = WebhookApi.parse(audits.get(0).getRepresentation());
        assertEquals("webhook.endpoint.disabled", audit.get("b2bpack_event").asText(), audit.toString());
        assertEquals(
                "auto_disabled", audit.get("webhook").get("deactivated_reason").asText());
        assertFalse(audit.get("webhook").get("active").asBoolean());
        assertEquals(failingSince.toString(), audit.get("failing_since").asText());

        // Once only, though attempts still in flight failed after it; the disabled webhook gets no new event.
        Thread.sleep(3000);
        assertEquals(1, opsEvents("webhook.endpoint.disabled").size());
        assertEquals(1, opsEvents("webhook.endpoint.failing").size());
        int crmRows = total("?webhook_id=" + crm);
        group();
        Thread.sleep(1000);
        assertEquals(crmRows, total("?webhook_id=" + crm), "an auto-disabled webhook receives no new event");

        // Re-enable: the answer offers recovery; the call it names re-queues what was discarded.
        receiver.answerStatusAt(crmPath, 204);
        OidcClient.Response enabled = api.put(
                "/webhooks/" + crm,
                "{\"name\":\"crm\",\"target_url\":\"" + RECEIVER + crmPath
                        + "?token=t0k3n\",\"event_codes\":[\"admin.group.*\"],\"active\":true}");
        assertEquals(200, enabled.status(), enabled.body());
        JsonNode recover = enabled.json().get("recover");
        Instant recoverSince = Instant.parse(recover.get("since").asText());
        assertTrue(
                !recoverSince.isAfter(failingSince) && !recoverSince.isBefore(start.minusSeconds(1)),
                "from the creation of the first delivery that failed: " + enabled.body());
        assertEquals(
                "/admin/realms/" + REALM + "/webhooks/" + crm + "/recover",
                recover.get("path").asText());
        assertTrue(enabled.json().get("active").asBoolean());
        assertNull(enabled.json().get("deactivated_reason"));
        assertNull(enabled.json().get("failing_since"), "the failing period ended with the re-enable");
        int discarded = total("?webhook_id=" + crm + "&state=discarded");
        assertTrue(discarded > 0, "deliveries were discarded while failing");
        OidcClient.Response recovered = api.post(
                recover.get("path").asText().substring(("/admin/realms/" + REALM).length()),
                "{\"since\":\"" + recover.get("since").asText() + "\"}");
        assertEquals(202, recovered.status(), recovered.body());
        // recover-max-count is 3 in the ITs' options: a call re-queues at most 3, and says whether more remain.
        int queued = Math.min(discarded, 3);
        assertEquals(queued, recovered.json().get("queued").asInt(), recovered.body());
        await(() -> receiver.acceptedIdsAt(crmPath).size() >= queued, "recovered deliveries arrive");
        assertNull(api.get("/webhooks/" + crm).json().get("recover"), "the hint is in the re-enable's answer only");
    }

    @Test
    void aSuccessBeforeThePeriodSendsRecoveredAndNeverDisables() throws Exception {
        webhook("ops", opsPath, "webhook.*");
        String crm = webhook("crm", crmPath, "admin.group.*");
        receiver.answerStatusAt(crmPath, 500);
        group();
        JsonNode failing = awaitOps("webhook.endpoint.failing", 1).get(0);
        Instant failingSince =
                Instant.parse(failing.get("data").get("failing_since").asText());

        receiver.answerStatusAt(crmPath, 204);
        group();
        JsonNode recovered = awaitOps("webhook.endpoint.recovered", 1).get(0);
        JsonNode r = recovered.get("data");
        assertEquals(crm, r.get("webhook_id").asText(), recovered.toString());
        assertEquals(failingSince.toString(), r.get("failing_since").asText());
        assertEquals(204, r.get("last_status").asInt());
        assertTrue(r.get("last_error").isNull());
        JsonNode hook = api.get("/webhooks/" + crm).json();
        assertTrue(hook.get("active").asBoolean());
        assertNull(hook.get("failing_since"), hook.toString());

        // Past the period since that first failure, a new failure starts a new period: no disable.
        long wait = Duration.between(Instant.now(), failingSince.plus(PERIOD)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait + 500);
        }
        receiver.answerStatusAt(crmPath, 500);
        group();
        await(() -> total("?webhook_id=" + crm + "&state=retryable") > 0, "a new failure");
        Thread.sleep(3000);
        assertTrue(api.get("/webhooks/" + crm).json().get("active").asBoolean(), "a 2xx ended the failing period");
        assertTrue(opsEvents("webhook.endpoint.disabled").isEmpty());
        assertEquals(1, opsEvents("webhook.endpoint.recovered").size(), "once");
        JsonNode failingAgain = api.get("/webhooks/" + crm).json().get("failing_since");
        assertTrue(
                failingAgain != null && Instant.parse(failingAgain.asText()).isAfter(failingSince.plus(PERIOD)),
                "a new failing period: " + failingAgain);
        receiver.answerStatusAt(crmPath, 204);
    }

    private String webhook(String name, String path, String code) {
        OidcClient.Response created = api.createWebhook(name, RECEIVER + path, List.of(code));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    /** A group creation: an admin event the crm webhook subscribes to. */
    private void group() {
        GroupRepresentation g = new GroupRepresentation();
        g.setName("g-" + UUID.randomUUID());
        admin.realm(REALM).groups().add(g).close();
    }

    /** The operational events the ops webhook received and accepted, of one type. */
    private List<JsonNode> opsEvents(String type) {
        return receiver.deliveriesTo(opsPath).stream()
                .map(r -> WebhookApi.parse(r.bodyText()))
                .filter(p -> type.equals(p.get("type").asText()))
                .toList();
    }

    private List<JsonNode> awaitOps(String type, int count) {
        await(() -> opsEvents(type).size() >= count, type);
        return opsEvents(type);
    }

    private int total(String query) {
        OidcClient.Response r = api.get("/webhook-events" + query + (query.isEmpty() ? "?" : "&") + "per_page=1");
        assertEquals(200, r.status(), r.body());
        return r.json().get("total").asInt();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
