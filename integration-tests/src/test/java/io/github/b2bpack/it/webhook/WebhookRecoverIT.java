package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.RecordedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Recovery after an outage longer than the retry schedule, in the real server: deliveries are discarded (the
 * receiver answers 500 through all 10 attempts of the ITs' 1s,1s,2s schedule, ~16 s), the receiver comes back, and
 * {@code POST /webhooks/{id}/recover {since}} re-queues exactly that webhook's discarded deliveries since then, in
 * calls of at most {@code recover-max-count} (3 in the ITs' options); the events API's filters by webhook, state and
 * time return exactly the expected rows; bad input is a 400/404/409 with an error code; permissions as the rest of
 * the API.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookRecoverIT extends WebhookItBase {

    private static final String REALM = "webhook-it-recover";
    private static final String RECEIVER = "http://127.0.0.1:8503";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LOGIN = "user.login.success";
    private static final String LOGOUT = "user.logout.success";

    @Override
    String realm() {
        return REALM;
    }

    /** The realm's stored admin events of recover calls on {@code hook} (ACTION on {@code webhooks/{hook}}). */
    private List<AdminEventRepresentation> recoverEvents(String hook) {
        return admin.realm(REALM).getAdminEvents().stream()
                .filter(e -> "ACTION".equals(String.valueOf(e.getOperationType())))
                .filter(e -> ("webhooks/" + hook).equals(e.getResourcePath()))
                .toList();
    }

    @Test
    void recoversExactlyTheDiscardedDeliveriesSinceATimeInBoundedCalls() throws Exception {
        receiver.answerStatus(500);
        String hook = webhook(api, "crm", hookPath, LOGIN);
        String other = webhook(api, "audit", hookPath + "/other", LOGOUT);
        String before = send(LOGIN);
        String otherRow = send(LOGOUT);
        Thread.sleep(100);
        Instant t = Instant.now();
        Thread.sleep(100);
        Set<String> after = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            after.add(send(LOGIN));
        }
        await(() -> total("?webhook_id=" + hook + "&state=discarded") == 5
                && total("?webhook_id=" + other + "&state=discarded") == 1);
        receiver.clear();
        receiver.answerOk();

        // The filters, each alone and together, on the same rows.
        assertEquals(5, total("?webhook_id=" + hook));
        assertEquals(Set.of(otherRow), ids("?webhook_id=" + other));
        assertEquals(after, ids("?webhook_id=" + hook + "&since=" + t));
        assertEquals(Set.of(before, otherRow), ids("?until=" + t));
        assertEquals(Set.of(before), ids("?webhook_id=" + hook + "&state=discarded&until=" + t));
        assertEquals(6, total("?since=" + (t.getEpochSecond() - 3600)), "epoch seconds");
        String plusOne = URLEncoder.encode(t.atOffset(ZoneOffset.ofHours(1)).toString(), StandardCharsets.UTF_8);
        assertEquals(after, ids("?since=" + plusOne), "an RFC 3339 offset names the same instant");
        assertEquals(0, total("?state=completed"));

        JsonNode first = recover(hook, t, 202);
        assertEquals(3, first.get("queued").asInt(), first.toString());
        assertTrue(first.get("more_remaining").asBoolean(), first.toString());
        assertEquals(3, first.get("max_count").asInt());
        assertEquals(t.toString(), first.get("since").asText());
        JsonNode second = recover(hook, t, 202);
        assertEquals(1, second.get("queued").asInt(), second.toString());
        assertFalse(second.get("more_remaining").asBoolean(), second.toString());
        assertEquals(0, recover(hook, t, 202).get("queued").asInt(), "nothing left to queue");

        await(() -> total("?webhook_id=" + hook + "&state=completed") == 4);
        assertEquals(after, ids("?webhook_id=" + hook + "&state=completed"));
        Map<String, Integer> arrivals = new HashMap<>();
        for (RecordedRequest r : receiver.deliveriesTo(hookPath)) {
            arrivals.merge(r.header("webhook-id"), 1, Integer::sum);
        }
        Map<String, Integer> once = new HashMap<>();
        after.forEach(id -> once.put(id, 1));
        assertEquals(once, arrivals, "each recovered delivery arrived once, and nothing else did");
        JsonNode old = api.get("/webhook-events/" + before).json();
        assertEquals("discarded", old.get("state").asText(), "created before since: not recovered");
        assertEquals(10, old.get("attempts").asInt());
        assertEquals(Set.of(otherRow), ids("?state=discarded&webhook_id=" + other), "another webhook's: untouched");
        assertTrue(receiver.deliveriesTo(hookPath + "/other").isEmpty());

        List<String> queued = new java.util.ArrayList<>();
        for (AdminEventRepresentation e : recoverEvents(hook)) {
            JsonNode audit = new ObjectMapper().readTree(e.getRepresentation());
            assertEquals(
                    "webhook.deliveries_recovered", audit.get("b2bpack_event").asText());
            assertEquals(hook, audit.get("webhook").get("id").asText());
            queued.add(audit.get("queued").asText());
        }
        queued.sort(null); // calls within one millisecond have no order
        assertEquals(List.of("0", "1", "3"), queued, "one admin event per call");
    }

    @Test
    void badInputIsA4xxWithAnErrorCode() {
        String hook = webhook(api, "crm", hookPath, LOGIN);
        Instant now = Instant.now();
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("no body", null);
        bodies.put("blank body", "  ");
        bodies.put("not JSON", "since=yesterday");
        bodies.put("an array", "[]");
        bodies.put("no since", "{}");
        bodies.put("since null", "{\"since\":null}");
        bodies.put("since not a time", "{\"since\":\"yesterday\"}");
        bodies.put("since a boolean", "{\"since\":true}");
        bodies.put("since a fraction", "{\"since\":1.5}");
        bodies.put("since negative", "{\"since\":-1}");
        bodies.put("since without offset", "{\"since\":\"2026-12-07T10:00:00\"}");
        bodies.put("since in milliseconds", "{\"since\":" + now.toEpochMilli() + "}");
        bodies.put("since in the future", "{\"since\":\"" + now.plus(Duration.ofHours(1)) + "\"}");
        bodies.put("unknown field", "{\"since\":\"" + now + "\",\"until\":\"" + now + "\"}");
        Map<String, String> got = new java.util.LinkedHashMap<>();
        bodies.forEach((what, body) -> got.put(what, answer(api.post("/webhooks/" + hook + "/recover", body))));
        got.put(
                "window too large",
                answer(api.post(
                        "/webhooks/" + hook + "/recover", "{\"since\":\"" + now.minus(Duration.ofDays(31)) + "\"}")));
        got.put(
                "window too large, epoch seconds",
                answer(api.post(
                        "/webhooks/" + hook + "/recover",
                        "{\"since\":" + now.minus(Duration.ofDays(31)).getEpochSecond() + "}")));
        got.put(
                "unknown webhook",
                answer(api.post("/webhooks/" + UUID.randomUUID() + "/recover", "{\"since\":\"" + now + "\"}")));
        String off = webhook(api, "off", hookPath, LOGIN);
        api.put(
                "/webhooks/" + off,
                "{\"name\":\"off\",\"target_url\":\"" + RECEIVER + hookPath + "\",\"event_codes\":[\"" + LOGIN
                        + "\"],\"active\":false}");
        got.put("inactive webhook", answer(api.post("/webhooks/" + off + "/recover", "{\"since\":\"" + now + "\"}")));
        for (String filter : List.of(
                "since=yesterday",
                "until=2026-12-07",
                "since=" + now.getEpochSecond() + "&until=" + now.getEpochSecond(),
                "webhook_id=" + "a".repeat(37),
                "webhook_id=a%27%20or%201=1",
                "state=gone")) {
            got.put("GET webhook-events?" + filter, answer(api.get("/webhook-events?" + filter)));
        }
        System.out.println("BAD INPUT recover and filters: " + got);

        got.forEach((what, answer) -> {
            String expected = what.startsWith("window too large")
                    ? "400 window_too_large"
                    : what.equals("unknown webhook")
                            ? "404 not_found"
                            : what.equals("inactive webhook") ? "409 invalid_state" : "400 invalid_request";
            assertEquals(expected, answer, what);
        });
        assertEquals(
                202,
                api.post("/webhooks/" + hook + "/recover", "{\"since\":" + now.getEpochSecond() + "}")
                        .status(),
                "the same webhook with a good body");
    }

    /**
     * 401 without a token; 403 without the role (recover needs manage-events, the filters view-events); an admin of
     * another realm gets 403 on this realm's path and 404 for this realm's webhook on its own path, and its own
     * events filtered by this realm's webhook are empty. Nothing is recovered here.
     */
    @Test
    void permissions() {
        String hook = webhook(api, "crm", hookPath, LOGIN);
        String since = "{\"since\":\"" + Instant.now().minusSeconds(60) + "\"}";
        String filter = "/webhook-events?webhook_id=" + hook + "&state=discarded";
        String tenantRealm = REALM + "-tenant";
        admin.realms().create(Fixtures.webhookRealm(tenantRealm));
        try {
            String viewer = WebhookRecoverUsers.token(admin, REALM, "viewer", "view-events");
            String stranger = WebhookRecoverUsers.token(admin, REALM, "stranger", "view-users");
            String tenant = WebhookRecoverUsers.token(admin, tenantRealm, "tenant", "view-events", "manage-events");
            WebhookApi anonymous = new WebhookApi(REALM, () -> null);
            WebhookApi asViewer = new WebhookApi(REALM, () -> viewer);
            WebhookApi asStranger = new WebhookApi(REALM, () -> stranger);
            WebhookApi tenantOnVictim = new WebhookApi(REALM, () -> tenant);
            WebhookApi tenantOnOwn = new WebhookApi(tenantRealm, () -> tenant);
            String recover = "/webhooks/" + hook + "/recover";

            Map<String, Integer> got = new java.util.LinkedHashMap<>();
            got.put("no token: recover", anonymous.post(recover, since).status());
            got.put("no token: filtered events", anonymous.get(filter).status());
            got.put("view-users only: recover", asStranger.post(recover, since).status());
            got.put("view-users only: filtered events", asStranger.get(filter).status());
            got.put("view-events only: recover", asViewer.post(recover, since).status());
            got.put("view-events only: filtered events", asViewer.get(filter).status());
            got.put(
                    "other realm's admin: recover",
                    tenantOnVictim.post(recover, since).status());
            got.put(
                    "other realm's admin: filtered events",
                    tenantOnVictim.get(filter).status());
            got.put(
                    "other realm's admin, own path: recover victim's webhook",
                    tenantOnOwn.post(recover, since).status());
            OidcClient.Response own = tenantOnOwn.get(filter);
            got.put("other realm's admin, own path: events of victim's webhook", own.status());
            System.out.println("PERMISSIONS recover and filters: " + got);

            Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("no token: recover", 401);
            expected.put("no token: filtered events", 401);
            expected.put("view-users only: recover", 403);
            expected.put("view-users only: filtered events", 403);
            expected.put("view-events only: recover", 403);
            expected.put("view-events only: filtered events", 200);
            expected.put("other realm's admin: recover", 403);
            expected.put("other realm's admin: filtered events", 403);
            expected.put("other realm's admin, own path: recover victim's webhook", 404);
            expected.put("other realm's admin, own path: events of victim's webhook", 200);
            assertEquals(expected, got);
            assertEquals(0, own.json().get("total").asInt(), "another realm's deliveries never listed");
            assertEquals(List.of(), recoverEvents(hook), "no recover ran");
        } finally {
            admin.realm(tenantRealm).remove();
        }
    }

    private JsonNode recover(String hook, Instant since, int status) {
        OidcClient.Response r = api.post("/webhooks/" + hook + "/recover", "{\"since\":\"" + since + "\"}");
        assertEquals(status, r.status(), r.body());
        return r.json();
    }

    /** One trigger-test event sent to every webhook subscribed to {@code code} (here one); its delivery id. */
    private String send(String code) {
        OidcClient.Response r =
                api.post("/webhook-events/trigger-test", "{\"event_code\":\"" + code + "\",\"send\":true}");
        assertEquals(200, r.status(), r.body());
        JsonNode enqueued = r.json().get("enqueued");
        assertEquals(1, enqueued.size(), r.body());
        return enqueued.get(0).asText();
    }

    private static String webhook(WebhookApi api, String name, String path, String code) {
        OidcClient.Response r = api.createWebhook(name, RECEIVER + path, List.of(code));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private int total(String query) {
        OidcClient.Response r = api.get("/webhook-events" + query);
        assertEquals(200, r.status(), query + " " + r.body());
        return r.json().get("total").asInt();
    }

    private Set<String> ids(String query) {
        OidcClient.Response r = api.get("/webhook-events" + query + (query.contains("?") ? "&" : "?") + "per_page=100");
        assertEquals(200, r.status(), query + " " + r.body());
        Set<String> ids = new HashSet<>();
        r.json().get("data").forEach(d -> ids.add(d.get("id").asText()));
        assertEquals(r.json().get("total").asInt(), ids.size(), query);
        return ids;
    }

    /** {@code "<status> <error>"}, and never a 500. */
    private static String answer(OidcClient.Response r) {
        assertTrue(r.status() < 500, r.status() + " " + r.body());
        String error = r.status() >= 400 ? r.field("error") : null;
        return r.status() + (error == null ? "" : " " + error);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(250);
        }
    }
}
