package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 11's webhook attacks, each run against the real server (a tenant admin with manage-events is the
 * attacker): SSRF through IPv6 forms that embed a private IPv4, an empty audit trail, unbounded webhooks per
 * realm under parallel creates, event codes that overflow their column, and request bodies read whole before
 * their size is checked. Each test prints what it saw, so the before/after numbers can be quoted.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookHardeningIT {

    private static final String REALM = "webhook-it-hardening";
    private static final String RECEIVER = "http://127.0.0.1:8503/hooks";
    /** The webhooks-per-realm cap's default (option max-webhooks-per-realm). */
    private static final int CAP = 50;

    @InjectAdminClient
    Keycloak admin;

    private WebhookApi api;

    @BeforeEach
    void createRealm() {
        admin.realms().create(Fixtures.webhookRealm(REALM));
        api = new WebhookApi(REALM, () -> admin.tokenManager().getAccessTokenString());
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    /**
     * IPv6 literals are resolved by the JDK exactly as DNS answers are (InetAddress objects); these forms carry the
     * cloud metadata address 169.254.169.254 (or loopback) inside an IPv6 address that is not itself private.
     */
    @Test
    void ssrfThroughIpv6FormsEmbeddingAPrivateIpv4IsRefusedAtSave() {
        List<String> targets = List.of(
                "http://[2001:0:808:808::5601:5601]/latest/meta-data", // Teredo, client = ~0x56015601 = 169.254.169.254
                "http://[2001:0:a9fe:a9fe::f7f7:f7f7]/latest/meta-data", // Teredo, server 169.254.169.254, client
                // 8.8.8.8
                "http://[::ffff:0:a9fe:a9fe]/latest/meta-data", // IPv4-translated (RFC 2765) 169.254.169.254
                "http://[64:ff9b:1:a9fe:a9fe::]/latest/meta-data", // local-use NAT64 /48 form of 169.254.169.254
                "http://[::ffff:169.254.169.254]/latest/meta-data", // IPv4-mapped (the JDK parses it to IPv4)
                "http://[::a9fe:a9fe]/latest/meta-data"); // IPv4-compatible
        Map<String, Integer> seen = new TreeMap<>();
        for (String target : targets) {
            OidcClient.Response r = api.createWebhook("ssrf", target, List.of("*"));
            seen.put(target, r.status());
            if (r.status() == 400) {
                assertTrue(r.field("error_description").contains("private, loopback or link-local"), r.body());
            }
        }
        System.out.println("[WebhookHardeningIT] SSRF save statuses: " + seen);
        seen.forEach((target, status) -> assertEquals(400, status, target));
        assertEquals(0, api.get("/webhooks").json().get("total").asInt(), "nothing was stored");
    }

    @Test
    void webhookChangesAreInTheAdminAuditTrailWithoutSecrets() {
        OidcClient.Response created = api.createWebhook("audit", RECEIVER, List.of("user.*"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        String secret = created.json().get("signature_key").asText();
        assertEquals(
                200,
                api.put(
                                "/webhooks/" + id,
                                "{\"name\":\"audit2\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":[\"*\"]}")
                        .status());
        assertEquals(200, api.post("/webhooks/" + id + "/rotate-secret", null).status());
        assertEquals(
                200,
                api.put(
                                "/webhooks/" + id,
                                "{\"name\":\"audit3\",\"target_url\":\"" + RECEIVER
                                        + "\",\"event_codes\":[\"*\"],\"signature_scheme\":\"v1a\"}")
                        .status());
        assertEquals(204, api.delete("/webhooks/" + id).status());

        List<AdminEventRepresentation> events = admin.realm(REALM).getAdminEvents().stream()
                .filter(e -> e.getResourcePath() != null && e.getResourcePath().startsWith("webhooks/"))
                .toList();
        List<String> operations = events.stream()
                .map(e -> e.getResourceType() + " " + e.getOperationType() + " " + e.getResourcePath())
                .toList();
        System.out.println("[WebhookHardeningIT] webhook admin events: " + events.size() + " " + operations);
        assertEquals(5, events.size(), operations.toString());
        for (AdminEventRepresentation e : events) {
            assertEquals("WEBHOOK", e.getResourceType());
            assertEquals("webhooks/" + id, e.getResourcePath());
            String rep = e.getRepresentation() == null ? "" : e.getRepresentation();
            assertFalse(rep.contains("whsec_") || rep.contains(secret.substring(6)), rep);
            assertFalse(rep.contains("signature_key") || rep.contains("secret") || rep.contains("private"), rep);
        }
        assertTrue(operations.stream().anyMatch(o -> o.contains("CREATE")), operations.toString());
        assertTrue(operations.stream().anyMatch(o -> o.contains("DELETE")), operations.toString());
        assertEquals(
                1,
                operations.stream().filter(o -> o.contains("ACTION")).count(),
                "rotate-secret is an ACTION: " + operations);
        assertTrue(
                events.stream()
                        .filter(e -> "CREATE".equals(String.valueOf(e.getOperationType())))
                        .allMatch(e -> e.getRepresentation() != null
                                && e.getRepresentation().contains("\"audit\"")),
                "representation kept");
    }

    @Test
    void theWebhooksPerRealmCapHoldsUnderParallelCreates() throws Exception {
        int attempts = CAP + 10;
        String token = admin.tokenManager().getAccessTokenString();
        WebhookApi fixed = new WebhookApi(REALM, () -> token);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OidcClient.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return fixed.createWebhook("parallel-" + n, RECEIVER, List.of("user.*"));
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            String refusal = null;
            for (Future<OidcClient.Response> f : futures) {
                OidcClient.Response r = f.get();
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() != 201) {
                    refusal = r.body();
                }
            }
            long stored = api.get("/webhooks").json().get("total").asLong();
            System.out.println("[WebhookHardeningIT] " + attempts + " parallel creates: " + statuses + ", stored "
                    + stored + ", refusal " + refusal);
            assertEquals(CAP, stored);
            assertEquals(CAP, statuses.getOrDefault(201, 0));
            assertEquals(attempts - CAP, statuses.getOrDefault(409, 0), statuses.toString());
            assertNotNull(refusal);
            assertTrue(refusal.contains("limit_exceeded") && refusal.contains(Integer.toString(CAP)), refusal);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eventCodesThatWouldOverflowTheirColumnGetA400() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String prefix = "user.p" + i + ".";
            codes.add(prefix + "x".repeat(128 - prefix.length()));
        }
        OidcClient.Response r = api.createWebhook("long-codes", RECEIVER, codes);
        System.out.println("[WebhookHardeningIT] 50 x 128-character event codes: " + r.status() + " " + r.body());
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_request", r.field("error"));
        assertTrue(r.field("error_description").contains("4000"), r.body());

        OidcClient.Response fits = api.createWebhook("fits", RECEIVER, codes.subList(0, 30));
        assertEquals(201, fits.status(), fits.body());
        String id = fits.json().get("id").asText();
        OidcClient.Response update = api.put(
                "/webhooks/" + id,
                "{\"name\":\"x\",\"target_url\":\"" + RECEIVER + "\",\"event_codes\":"
                        + WebhookApi.JSON.valueToTree(codes) + "}");
        assertEquals(400, update.status(), update.body());
    }

    /**
     * A client announces a large body, sends a little more than the API's limit and then stalls. A server that
     * reads the whole body before checking its size waits for the rest; a bounded read answers at once.
     */
    @Test
    void anOversizedBodyIsRefusedBeforeItIsReadWhole() throws Exception {
        String token = admin.tokenManager().getAccessTokenString();
        int announced = 5_000_000;
        byte[] sent = new byte[100_000];
        Arrays.fill(sent, (byte) ' ');
        sent[0] = '{';
        long startedAt;
        String statusLine;
        try (Socket socket = io.github.b2bpack.it.TestServer.connect()) {
            socket.setSoTimeout(8_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admin/realms/" + REALM + "/webhooks HTTP/1.1\r\nHost: "
                            + io.github.b2bpack.it.TestServer.hostHeader() + "\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + announced + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            startedAt = System.nanoTime();
            statusLine = readStatusLine(socket.getInputStream());
        }
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        System.out.println(
                "[WebhookHardeningIT] stalled 5 MB body after 100 KB: " + statusLine + " after " + millis + " ms");
        assertTrue(statusLine.startsWith("HTTP/1.1 4"), statusLine);
        assertTrue(millis < 5_000, millis + " ms");
    }

    /**
     * Realm A's receiver hangs (10 s per request, under the 12 s request timeout of the test server) while A raises 30
     * events, more than the node's 16 senders; then realm B raises one. B's delivery must not wait for A's.
     */
    @Test
    void oneRealmsHangingTargetDoesNotStarveAnotherRealm() throws Exception {
        String realmB = REALM + "-b";
        RealmRepresentation b = new RealmRepresentation();
        b.setRealm(realmB);
        b.setEnabled(true);
        b.setEventsListeners(List.of("jboss-logging", "webhooks"));
        admin.realms().create(b);
        try (WebhookReceiver slow = new WebhookReceiver(0);
                WebhookReceiver fast = new WebhookReceiver(0)) {
            slow.answerSlowly(java.time.Duration.ofSeconds(10));
            assertEquals(
                    201,
                    api.createWebhook("slow", "http://127.0.0.1:" + slow.port() + "/a", List.of("admin.*"))
                            .status());
            WebhookApi apiB = new WebhookApi(realmB, () -> admin.tokenManager().getAccessTokenString());
            assertEquals(
                    201,
                    apiB.createWebhook("fast", "http://127.0.0.1:" + fast.port() + "/b", List.of("admin.*"))
                            .status());

            for (int i = 0; i < 30; i++) {
                org.keycloak.representations.idm.RoleRepresentation role =
                        new org.keycloak.representations.idm.RoleRepresentation();
                role.setName("a-role-" + i);
                admin.realm(REALM).roles().create(role);
            }
            long deadline = System.currentTimeMillis() + 3_000;
            while (slow.requests().size() < 12 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            int hangingA = slow.requests().size();
            org.keycloak.representations.idm.RoleRepresentation role =
                    new org.keycloak.representations.idm.RoleRepresentation();
            role.setName("b-role");
            long start = System.nanoTime();
            admin.realm(realmB).roles().create(role);
            long waitUntil = System.currentTimeMillis() + 15_000;
            while (fast.deliveriesTo("/b").isEmpty() && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(10);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[WebhookHardeningIT] realm B's delivery while realm A's target hangs (" + hangingA
                    + " A requests hanging): "
                    + (fast.deliveriesTo("/b").isEmpty() ? "none within 15 s" : millis + " ms"));
            assertFalse(fast.deliveriesTo("/b").isEmpty(), "realm B's event was never delivered");
            assertTrue(millis < 3_000, "realm B waited " + millis + " ms behind realm A");
        } finally {
            admin.realm(realmB).remove();
        }
    }

    private static String readStatusLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return "no answer within 8 s";
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    static JsonNode json(String body) {
        return WebhookApi.parse(body);
    }
}
