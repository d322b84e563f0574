package io.github.b2bpack.it.cluster;

import static io.github.b2bpack.it.cluster.Cluster.BALANCER;
import static io.github.b2bpack.it.cluster.Cluster.NODES;
import static io.github.b2bpack.it.cluster.Cluster.log;
import static io.github.b2bpack.it.cluster.Cluster.nodeUrl;
import static io.github.b2bpack.it.cluster.Cluster.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.FakePorts;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pack on a production topology: three Keycloak nodes ({@link Cluster}: production mode, one PostgreSQL or MariaDB,
 * {@code --cache=ispn} with Keycloak's default JDBC_PING discovery) behind HAProxy ({@link HaproxyBalancer}, TLS,
 * round robin, no sticky sessions). Keycloak does not need sticky sessions: authentication sessions, SMS codes and
 * budgets live in its distributed Infinispan caches and single-use store, and user sessions are persisted in the
 * database, so any node serves any request; stickiness would only save remote cache reads. Each test drives the
 * cluster as users and operators do (admin REST, OIDC endpoints, login pages, the pack's endpoints), through the
 * balancer or pinned to one node, and prints its figures as one {@code [ClusterIT] …} line.
 *
 * <p>Runs only in the failsafe execution {@code cluster} of integration-tests/pom.xml, which sets
 * {@code b2bpack.cluster=true} (skipped elsewhere, so the main execution never starts it beside its own server), and
 * again in {@code cluster-mariadb} on MariaDB.
 * The node stops (rolling restart, then SIGKILL) come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CLIENT = "web-app";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String TWILIO_SID = "AC0000000000000000000000000000b2bp";
    private static final String TWILIO_TOKEN = "it-twilio-auth-token";
    private static final String HTTP_SECRET = "it-http-hmac-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** {@code spi-events-listener--webhooks--claim-timeout} of the ITs' options. */
    private static final String CLAIM_TIMEOUT =
            Cluster.packOptions().get("spi-events-listener--webhooks--claim-timeout");

    private final long started = System.nanoTime();
    private Cluster cluster;
    private ClusterHttp http;
    private FakeSmsGateway sms;
    private FakeHibpRangeApi hibp;
    private WebhookReceiver receiver;

    @BeforeAll
    void startCluster() throws Exception {
        assumeTrue(
                Boolean.getBoolean("b2bpack.cluster"),
                "the cluster test runs in the failsafe execution 'cluster' (b2bpack.cluster=true), in a JVM of its own");
        sms = new FakeSmsGateway(FakePorts.SMS_GATEWAY, TWILIO_SID, TWILIO_TOKEN, HTTP_SECRET);
        hibp = new FakeHibpRangeApi(FakePorts.HIBP_RANGE_API);
        cluster = new Cluster();
        cluster.start(); // on failure, @AfterAll still stops what started
        http = new ClusterHttp();
    }

    @AfterAll
    void stopAll() {
        try {
            if (receiver != null) {
                receiver.close();
            }
            if (sms != null) {
                sms.close();
            }
            if (hibp != null) {
                hibp.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
                log(
                        "total: %d s (cluster start, every test, stop and clean-up)",
                        (System.nanoTime() - started) / 1_000_000_000);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ topology

    @Test
    @Order(1)
    void threeNodesFormOneClusterBehindARoundRobinBalancer() throws Exception {
        long from = cluster.balancer().logLines();
        int requests = 30;
        for (int k = 0; k < requests; k++) {
            ClusterHttp.Response r = http.get(BALANCER + "/realms/master/.well-known/openid-configuration");
            assertEquals(200, r.status(), r.body());
            assertEquals(
                    BALANCER + "/realms/master",
                    r.field("issuer"),
                    "every node names the balancer as issuer (--hostname)");
        }
        sleep(500);
        Map<String, Integer> served = cluster.balancer().servedByNode(from);
        log(
                "balancer: %d requests -> %s (round robin, no stickiness); cluster view of %d members on every node",
                requests, served, NODES);
        for (int i = 1; i <= NODES; i++) {
            assertTrue(
                    served.getOrDefault("node" + i, 0) >= requests / NODES - 1,
                    "node" + i + " served its share: " + served);
            assertTrue(Cluster.ready(i), "node" + i + " is ready");
        }
    }

    // ------------------------------------------------------------------------------------------ organizations

    @Test
    @Order(2)
    void organizationChangesThroughOneNodeAreSeenAtOnceByDiscoveryOnTheOthers() {
        String one = "cluster-one-it.example";
        String two = "cluster-two-it.example";
        List<Long> staleness = new ArrayList<>();
        AtomicInteger laterReads = new AtomicInteger();
        // Nodes 2 and 3 cache both domains as "no organization" (asked twice: the second answer is the cache's).
        for (int i = 2; i <= NODES; i++) {
            for (int twice = 0; twice < 2; twice++) {
                assertEquals(404, discovery(i, one).status());
                assertEquals(404, discovery(i, two).status());
            }
        }
        String orgs = "/admin/realms/master/orgs";
        ClusterHttp.Response created = http.admin(
                "POST", nodeUrl(1), orgs, "{\"name\":\"Cluster Org IT\",\"allowed_email_domains\":[\"" + one + "\"]}");
        assertEquals(201, created.status(), created.body());
        String slug = created.field("domain");
        verifyManually(slug, one);
        expectOnOtherNodes(Map.of(one, 200, two, 404), slug, staleness, laterReads);

        ClusterHttp.Response moved =
                http.admin("PUT", nodeUrl(1), orgs + "/" + slug, "{\"allowed_email_domains\":[\"" + two + "\"]}");
        assertEquals(200, moved.status(), moved.body());
        verifyManually(slug, two);
        expectOnOtherNodes(Map.of(one, 404, two, 200), slug, staleness, laterReads);

        ClusterHttp.Response deleted = http.admin("DELETE", nodeUrl(1), orgs + "/" + slug, null);
        assertEquals(200, deleted.status(), deleted.body());
        expectOnOtherNodes(Map.of(one, 404, two, 404), slug, staleness, laterReads);

        long max = staleness.stream().mapToLong(Long::longValue).max().orElseThrow();
        log(
                "organizations: changes=3 (create+verify, move+verify, delete) through node1; discovery reads on nodes 2-3 right after"
                        + " each write=%d, stale answers=%d; staleness=%d ms (the first read after each write, answered within %d ms of"
                        + " the write, already gave the new state)",
                staleness.size(), laterReads.get(), laterReads.get() == 0 ? 0 : max, max);
        assertEquals(
                0,
                laterReads.get(),
                "the first discovery read on another node after the write already answers the new state");
    }

    private ClusterHttp.Response discovery(int node, String domain) {
        return http.admin(
                "GET",
                nodeUrl(node),
                "/admin/realms/master/orgs/discovery?email=" + ClusterHttp.enc("alice@" + domain),
                null);
    }

    private void verifyManually(String slug, String domain) {
        ClusterHttp.Response r = http.admin(
                "POST",
                nodeUrl(1),
                "/admin/realms/master/orgs/" + slug + "/email-domains/" + domain + "/verify",
                "{\"method\":\"manual\"}");
        assertEquals(200, r.status(), r.body());
    }

    /** Asks nodes 2 and 3 for each domain right after a write on node 1; records how long until each answered right. */
    private void expectOnOtherNodes(
            Map<String, Integer> expected, String slug, List<Long> staleness, AtomicInteger laterReads) {
        long written = System.nanoTime();
        for (int i = 2; i <= NODES; i++) {
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                ClusterHttp.Response r = discovery(i, e.getKey());
                int reads = 1;
                if (staleness.size() % (expected.size() * (NODES - 1)) == 0) {
                    // the first read after the write: how soon after the write it was answered
                    staleness.add((System.nanoTime() - written) / 1_000_000);
                } else {
                    staleness.add(0L);
                }
                while (r.status() != e.getValue() && System.nanoTime() - written < TimeUnit.SECONDS.toNanos(10)) {
                    sleep(50);
                    r = discovery(i, e.getKey());
                    reads++;
                }
                if (reads > 1) {
                    staleness.set(staleness.size() - 1, (System.nanoTime() - written) / 1_000_000);
                }
                laterReads.addAndGet(reads - 1);
                assertEquals(
                        (int) e.getValue(), r.status(), "node" + i + " discovery of " + e.getKey() + ": " + r.body());
                if (r.status() == 200) {
                    assertTrue(r.body().contains(slug), r.body());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- SMS

    @Test
    @Order(3)
    void smsCodesBudgetsAndAttemptLimitsHoldAcrossNodes() throws Exception {
        // A code sent through node 1 is checked on node 2; node 3 exchanges the authorization code.
        smsRealm("cluster-sms-cross", Map.of("sender", "http"));
        String bobPhone = "+33612349001";
        userWithPhone("cluster-sms-cross", "bob", bobPhone);
        LoginSession bob = new LoginSession().via(1).login("cluster-sms-cross", CLIENT, "bob", PASSWORD);
        assertTrue(bob.pageContains("name=\"code\""), bob.page());
        List<FakeSmsGateway.Sms> texts = sms.awaitMessagesTo(bobPhone, 1, WAIT);
        assertEquals(1, texts.size(), "one login SMS");
        bob.via(2).post(Map.of("code", texts.get(0).code()));
        assertTrue(bob.loggedIn(), "the code sent through node1 is accepted by node2:\n" + bob.page());
        ClusterHttp.Response tokens = http.form(
                nodeUrl(3) + "/realms/cluster-sms-cross/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        CLIENT,
                        "code",
                        bob.code(),
                        "redirect_uri",
                        LoginSession.redirectUri("cluster-sms-cross")));
        assertEquals(200, tokens.status(), "node3 redeems the code of a login made on nodes 1 and 2: " + tokens.body());

        // Cooldown: 12 enrollment sessions of one user, spread over the nodes, submit a number at the same instant.
        smsRealm("cluster-sms-cooldown", Map.of("sender", "http"));
        enrollingUser("cluster-sms-cooldown", "alice");
        String aliceNumber = "+33612349002";
        List<LoginSession> sessions = sessions(12, "cluster-sms-cooldown", "alice", "name=\"phone\"");
        inParallel(sessions, s -> s.post(Map.of("phone", aliceNumber)));
        int cooldownSent =
                sms.awaitMessagesTo(aliceNumber, 12, Duration.ofSeconds(3)).size();

        // Per-number enrollment cap (3 per hour): 8 users of one realm, spread over the nodes, enroll one number at
        // once.
        smsRealm("cluster-sms-number", Map.of("sender", "http"));
        String sharedNumber = "+33612349003";
        List<LoginSession> users = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            enrollingUser("cluster-sms-number", "user" + k);
            LoginSession s =
                    new LoginSession().via(k % NODES + 1).login("cluster-sms-number", CLIENT, "user" + k, PASSWORD);
            assertTrue(s.pageContains("name=\"phone\""), s.page());
            users.add(s);
        }
        inParallel(users, s -> s.post(Map.of("phone", sharedNumber)));
        int numberSent =
                sms.awaitMessagesTo(sharedNumber, 8, Duration.ofSeconds(3)).size();
        long numberRefused = users.stream()
                .filter(s -> s.pageContains("Too many codes were sent"))
                .count();

        // Per-user cap (5 per hour), cooldown off: 10 sessions of one user, spread over the nodes, each a new number.
        smsRealm("cluster-sms-user", Map.of("sender", "http", "resendCooldownSeconds", "0"));
        enrollingUser("cluster-sms-user", "dora");
        List<LoginSession> dora = sessions(10, "cluster-sms-user", "dora", "name=\"phone\"");
        List<String> doraNumbers = new ArrayList<>();
        for (int k = 0; k < dora.size(); k++) {
            doraNumbers.add("+336123491" + String.format("%02d", k));
        }
        AtomicInteger next = new AtomicInteger();
        inParallel(dora, s -> s.post(Map.of("phone", doraNumbers.get(next.getAndIncrement()))));
        sleep(3000);
        int userSent =
                doraNumbers.stream().mapToInt(n -> sms.messagesTo(n).size()).sum();

        // Attempt limit: 30 sessions of one user (one pending code), spread over the nodes, post a wrong code at once.
        smsRealm("cluster-sms-tries", Map.of("sender", "http"));
        String carolPhone = "+33612349004";
        userWithPhone("cluster-sms-tries", "carol", carolPhone);
        List<LoginSession> carol = sessions(30, "cluster-sms-tries", "carol", "name=\"code\"");
        List<FakeSmsGateway.Sms> carolTexts = sms.awaitMessagesTo(carolPhone, 1, WAIT);
        assertEquals(1, carolTexts.size(), "a pending code is shared by the user's sessions on every node");
        String carolCode = carolTexts.get(0).code();
        String wrong = carolCode.equals("000000") ? "111111" : "000000";
        inParallel(carol, s -> s.post(Map.of("code", wrong)));
        long tryAgain = carol.stream().filter(s -> s.pageContains("Wrong code")).count();
        long voided = carol.stream()
                .filter(s -> s.pageContains("no longer works") || s.pageContains("No code is waiting"))
                .count();
        LoginSession late = new LoginSession().via(2).login("cluster-sms-tries", CLIENT, "carol", PASSWORD);
        late.via(3).post(Map.of("code", carolCode));

        // One right code posted by 6 sessions of one user, spread over the nodes, at once: one login.
        smsRealm("cluster-sms-once", Map.of("sender", "http"));
        String erinPhone = "+33612349005";
        userWithPhone("cluster-sms-once", "erin", erinPhone);
        List<LoginSession> erin = sessions(6, "cluster-sms-once", "erin", "name=\"code\"");
        String erinCode = sms.awaitMessagesTo(erinPhone, 1, WAIT).get(0).code();
        inParallel(erin, s -> s.post(Map.of("code", erinCode)));
        long erinIn = erin.stream().filter(LoginSession::loggedIn).count();

        log(
                "sms: code sent via node1 accepted via node2=%s; cooldown: 12 parallel sends over 3 nodes -> sent=%d (expected 1);"
                        + " number enrollment cap: 8 users over 3 nodes -> sent=%d refused=%d (cap 3); user cap: 10 parallel sends over 3 nodes"
                        + " -> sent=%d (cap 5); 30 parallel wrong codes over 3 nodes -> 'try again'=%d (max 2) void=%d, right code afterwards"
                        + " accepted=%s; right code posted 6x in parallel over 3 nodes -> logins=%d (expected 1)",
                bob.loggedIn(),
                cooldownSent,
                numberSent,
                numberRefused,
                userSent,
                tryAgain,
                voided,
                late.loggedIn(),
                erinIn);
        assertEquals(
                1, cooldownSent, "one user, 12 sessions on 3 nodes at once: the cooldown lets exactly one SMS through");
        assertEquals(3, numberSent, "per-number enrollment cap (3 per hour) across nodes");
        assertEquals(5, numberRefused, "the other 5 users are told so");
        assertEquals(5, userSent, "per-user cap (5 per hour) across nodes");
        assertTrue(
                tryAgain <= 2, "at most 2 wrong tries are answered 'try again' (3 attempts per code), got " + tryAgain);
        assertEquals(carol.size() - tryAgain, voided, "every other submission finds the code void");
        assertFalse(late.loggedIn(), "the code is void after 3 counted tries, whichever nodes counted them");
        assertEquals(1, erinIn, "a code is used once, whichever nodes it is posted to");
    }

    /**
     * A client that writes {@code X-Forwarded-For} itself, hoping each forged address gets a per-IP SMS budget of its
     * own. Through the balancer the header is overwritten with the address HAProxy saw, so the realm's per-IP cap (3 per
     * hour) holds whatever the client wrote; sent straight to the nodes, which trust {@code X-Forwarded-*} from
     * 127.0.0.1 ({@code --proxy-trusted-addresses}), the same forgery wins a fresh budget per address: why nodes must be
     * reachable only from the balancer (docs/production.md).
     */
    @Test
    @Order(4)
    void aForgedXForwardedForGetsNoFreshPerIpBudgetThroughTheBalancer() throws Exception {
        String realm = "cluster-sms-ip";
        smsRealm(realm, Map.of("sender", "http", "resendCooldownSeconds", "0", "maxSendsPerIpPerHour", "3"));
        int users = 8;
        List<String> throughBalancer = new ArrayList<>();
        List<String> straightToNodes = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            String viaBalancer = "+336123492" + String.format("%02d", k);
            userWithPhone(realm, "lb" + k, viaBalancer);
            throughBalancer.add(viaBalancer);
            String direct = "+336123493" + String.format("%02d", k);
            userWithPhone(realm, "direct" + k, direct);
            straightToNodes.add(direct);
        }
        List<LoginSession> forged = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            forged.add(new LoginSession().via(0).forwardedFor("203.0.113." + (10 + k)));
        }
        AtomicInteger next = new AtomicInteger();
        inParallel(forged, s -> s.login(realm, CLIENT, "lb" + next.getAndIncrement(), PASSWORD));
        sleep(3000);
        int sentThroughBalancer =
                throughBalancer.stream().mapToInt(n -> sms.messagesTo(n).size()).sum();

        List<LoginSession> direct = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            direct.add(new LoginSession().via(k % NODES + 1).forwardedFor("198.51.100." + (10 + k)));
        }
        AtomicInteger nextDirect = new AtomicInteger();
        inParallel(direct, s -> s.login(realm, CLIENT, "direct" + nextDirect.getAndIncrement(), PASSWORD));
        sleep(3000);
        int sentStraightToNodes =
                straightToNodes.stream().mapToInt(n -> sms.messagesTo(n).size()).sum();

        log(
                "forged X-Forwarded-For: %d logins through the balancer, each with its own forged address -> sent=%d"
                        + " (per-IP cap 3); the same straight to the nodes (not through the balancer) -> sent=%d",
                users, sentThroughBalancer, sentStraightToNodes);
        assertEquals(3, sentThroughBalancer, "the balancer overwrites the header: one address, one budget of 3");
        assertEquals(
                users,
                sentStraightToNodes,
                "a node reached directly trusts the forged header: each address has its own budget (the attack)");
    }

    /** {@code count} sessions of one user, session {@code k} pinned to node {@code k % 3 + 1}, each logged in up to {@code expect}. */
    private List<LoginSession> sessions(int count, String realm, String user, String expect) {
        List<LoginSession> sessions = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LoginSession s = new LoginSession().via(k % NODES + 1).login(realm, CLIENT, user, PASSWORD);
            assertTrue(s.pageContains(expect), s.page());
            sessions.add(s);
        }
        return sessions;
    }

    /**
     * A realm whose browser flow is cookie | (password, then a conditional "user configured" sub-flow holding
     * {@code sms-otp-form}), with the {@code CONFIGURE_SMS_OTP} required action and a public client, as the SMS ITs
     * build it.
     */
    private void smsRealm(String name, Map<String, String> smsConfig) {
        String json = """
                {
                  "realm": "%s", "enabled": true,
                  "browserFlow": "sms browser",
                  "clients": [{
                    "clientId": "%s", "publicClient": true, "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
                    "redirectUris": ["%s/realms/%s/*"]
                  }],
                  "requiredActions": [{
                    "alias": "CONFIGURE_SMS_OTP", "name": "Configure SMS one-time codes", "providerId": "CONFIGURE_SMS_OTP",
                    "enabled": true, "defaultAction": false, "priority": 100, "config": {}
                  }],
                  "authenticatorConfig": [{"alias": "sms", "config": %s}],
                  "authenticationFlows": [
                    {"alias": "sms browser", "providerId": "basic-flow", "topLevel": true, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "auth-cookie", "requirement": "ALTERNATIVE", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"flowAlias": "sms forms", "requirement": "ALTERNATIVE", "priority": 20, "authenticatorFlow": true, "userSetupAllowed": false}]},
                    {"alias": "sms forms", "providerId": "basic-flow", "topLevel": false, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "auth-username-password-form", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"flowAlias": "sms second factor", "requirement": "CONDITIONAL", "priority": 20, "authenticatorFlow": true, "userSetupAllowed": false}]},
                    {"alias": "sms second factor", "providerId": "basic-flow", "topLevel": false, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "conditional-user-configured", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"authenticator": "sms-otp-form", "authenticatorConfig": "sms", "requirement": "REQUIRED", "priority": 20, "authenticatorFlow": false, "userSetupAllowed": false}]}
                  ]
                }
                """.formatted(name, CLIENT, BALANCER, name, ClusterHttp.json(smsConfig));
        ClusterHttp.Response r = http.admin("POST", BALANCER, "/admin/realms", json);
        assertEquals(201, r.status(), r.body());
    }

    /** A user with a password who must enroll a phone at the next login. */
    private void enrollingUser(String realm, String username) {
        createUser(realm, """
                {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true, "firstName": "U", "lastName": "Ser",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}], "requiredActions": ["CONFIGURE_SMS_OTP"]}
                """.formatted(username, username, PASSWORD));
    }

    /** A user with a password and an {@code sms-otp} credential written by an admin (no enrollment). */
    private void userWithPhone(String realm, String username, String e164) {
        createUser(realm, """
                {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true, "firstName": "U", "lastName": "Ser",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false},
                                 {"type": "sms-otp", "userLabel": "imported", "secretData": "{\\"phone\\":\\"%s\\"}",
                                  "credentialData": "{\\"maskedPhone\\":\\"imported\\"}"}]}
                """.formatted(username, username, PASSWORD, e164));
    }

    private String createUser(String realm, String json) {
        ClusterHttp.Response r = http.admin("POST", BALANCER, "/admin/realms/" + realm + "/users", json);
        assertEquals(201, r.status(), r.body());
        return r.createdId();
    }

    /** Runs {@code action} on every item in its own thread, all released at the same instant. */
    private static <T> void inParallel(List<T> items, Consumer<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        try {
            CountDownLatch ready = new CountDownLatch(items.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    action.accept(item);
                    return null;
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------ HIBP and zxcvbn

    @Test
    @Order(5)
    void hibpAndZxcvbnVerdictsAgreeOnEveryNodeWhateverEachNodeCached() {
        String realm = "cluster-passwords";
        String breached = "violet-kettle-harbor-91";
        String clean = "amber-lantern-orchard-57";
        String weak = "kettle12";
        hibp.addPassword(breached, 5);
        ClusterHttp.Response created = http.admin(
                "POST",
                BALANCER,
                "/admin/realms",
                "{\"realm\":\"" + realm
                        + "\",\"enabled\":true,\"passwordPolicy\":\"length(8) and hibp(1) and zxcvbn(3)\"}");
        assertEquals(201, created.status(), created.body());
        String userId = createUser(realm, "{\"username\":\"pat\",\"enabled\":true}");
        String prefix = FakeHibpRangeApi.sha1Hex(breached).substring(0, 5);

        // Node 1 asks first (its cache fills), then nodes 2 and 3 (their caches are empty), then node 1 again (cached).
        int[] order = {1, 2, 3, 1};
        int verdicts = 0;
        int disagreements = 0;
        Map<String, String> before = new LinkedHashMap<>();
        for (String password : List.of(breached, clean, weak)) {
            Set<String> seen = new HashSet<>();
            for (int node : order) {
                seen.add(verdict(node, realm, password));
                verdicts++;
            }
            disagreements += seen.size() - 1;
            before.put(password, String.join(" / ", seen));
        }
        int upstream = hibp.requests(r -> r.path().equalsIgnoreCase("/range/" + prefix))
                .size();
        // The policy as Keycloak enforces it: an admin password reset through each node.
        for (int node = 1; node <= NODES; node++) {
            ClusterHttp.Response reset = resetPassword(node, realm, userId, breached);
            assertEquals(400, reset.status(), "node" + node + ": " + reset.body());
            assertTrue(reset.body().contains("b2bpackPasswordBreached"), reset.body());
        }

        // The realm's policy changes through node 2; nodes 3 and 1 (the one with the most cached) judge by it at once.
        ClusterHttp.Response policy = http.admin(
                "PUT", nodeUrl(2), "/admin/realms/" + realm, "{\"passwordPolicy\":\"length(8) and hibp(10)\"}");
        assertEquals(204, policy.status(), policy.body());
        Map<String, String> after = new LinkedHashMap<>();
        for (String password : List.of(breached, clean, weak)) {
            Set<String> seen = new HashSet<>();
            for (int node : new int[] {3, 1, 2}) {
                seen.add(verdict(node, realm, password));
                verdicts++;
            }
            disagreements += seen.size() - 1;
            after.put(password, String.join(" / ", seen));
        }
        for (int node = 1; node <= NODES; node++) {
            ClusterHttp.Response reset = resetPassword(node, realm, userId, breached);
            assertEquals(204, reset.status(), "node" + node + " after the policy change: " + reset.body());
        }

        log(
                "password policies: verdicts=%d disagreements=%d; range API requests for the breached prefix=%d (one per node: node1's second"
                        + " check came from its cache); before %s; after the change through node2 %s",
                verdicts, disagreements, upstream, before, after);
        assertEquals(0, disagreements, "every node gives the same verdict");
        assertEquals(
                NODES, upstream, "each node asked the range API once for the prefix, then answered from its own cache");
        assertTrue(before.get(breached).startsWith("false|b2bpackPasswordBreached"), before.toString());
        assertTrue(before.get(clean).startsWith("true|"), before.toString());
        assertTrue(before.get(weak).startsWith("false|b2bpackPasswordTooWeak"), before.toString());
        assertTrue(
                after.values().stream().allMatch(v -> v.startsWith("true|")),
                "hibp(10) and no zxcvbn accept all three: " + after);
    }

    /** The strength endpoint's verdict on node {@code node}: {@code valid|first refusing policy's key|breach check}. */
    private String verdict(int node, String realm, String password) {
        ClusterHttp.Response r = http.postJson(
                nodeUrl(node) + "/realms/" + realm + "/password-strength",
                "{\"password\":\"" + password + "\",\"username\":\"pat\"}");
        assertEquals(200, r.status(), "node" + node + ": " + r.body());
        JsonNode json = r.json();
        JsonNode error = json.get("policy_error");
        return json.get("valid_password").asBoolean() + "|"
                + (error == null || error.isNull()
                        ? "-"
                        : error.get("message_key").asText()) + "|"
                + json.get("breach_check").asText();
    }

    private ClusterHttp.Response resetPassword(int node, String realm, String userId, String password) {
        return http.admin(
                "PUT",
                nodeUrl(node),
                "/admin/realms/" + realm + "/users/" + userId + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
    }

    // ---------------------------------------------------------------------------------------------- webhooks

    @Test
    @Order(6)
    void webhooksRaisedOnAllNodesWhileTheReceiverIsDownAreDeliveredExactlyOnce() throws Exception {
        String realm = "cluster-hooks-down";
        String path = "/down";
        webhookRealm(realm, path);
        Map<Integer, Double> retryableBefore = perNode("b2bpack_webhook_deliveries_total", "outcome=\"retryable\"");
        // The receiver's port is closed: every attempt is refused until it comes back.
        List<String> raised = raiseGroupEvents(realm, 150, new int[] {1, 2, 3}, "down");
        assertEquals(150, raised.size(), "every group creation was committed");
        sleep(8000); // every node's sweep retries the failed first attempts, competing for the same rows
        Map<Integer, Double> retryableAfter = perNode("b2bpack_webhook_deliveries_total", "outcome=\"retryable\"");
        Map<Integer, Long> attemptsWhileDown = new LinkedHashMap<>();
        for (int i = 1; i <= NODES; i++) {
            attemptsWhileDown.put(i, Math.round(retryableAfter.get(i) - retryableBefore.get(i)));
        }

        Map<Integer, Double> completedBefore = perNode("b2bpack_webhook_deliveries_total", "outcome=\"completed\"");
        long up = System.currentTimeMillis();
        receiver = new WebhookReceiver(FakePorts.WEBHOOK_RECEIVER);
        Outcome outcome = awaitDeliveries(path, raised, Duration.ofSeconds(90));
        sleep(5000); // a late duplicate, if any, would arrive now
        outcome = Outcome.of(receiver.deliveriesTo(path), raised, 0);
        long completed = http.admin(
                        "GET", BALANCER, "/admin/realms/" + realm + "/webhook-events?state=completed&per_page=1", null)
                .json()
                .get("total")
                .asLong();
        if (outcome.duplicates > 0) {
            // What a duplicate looked like, to tell a second claim from a second send of one claim.
            Map<Integer, Double> completedAfter = perNode("b2bpack_webhook_deliveries_total", "outcome=\"completed\"");
            Map<String, List<RecordedRequest>> byId = new LinkedHashMap<>();
            receiver.deliveriesTo(path)
                    .forEach(d -> byId.computeIfAbsent(d.header("webhook-id"), k -> new ArrayList<>())
                            .add(d));
            byId.forEach((id, copies) -> {
                if (copies.size() > 1) {
                    List<String> arrivals = new ArrayList<>();
                    copies.forEach(c -> arrivals.add("+" + (c.receivedAtMillis() - up) + " ms (webhook-timestamp "
                            + c.header("webhook-timestamp") + ")"));
                    JsonNode row = http.admin("GET", BALANCER, "/admin/realms/" + realm + "/webhook-events/" + id, null)
                            .json();
                    if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                        object.remove("payload");
                    }
                    log("webhooks duplicate %s: arrivals %s; events API %s", id, arrivals, row);
                }
            });
            log(
                    "webhooks completed attempts per node after the receiver came back: before %s after %s",
                    completedBefore, completedAfter);
            for (int i = 1; i <= NODES; i++) {
                // A result the recorder could not write leaves its row claimed until the claim expires: say so.
                String console = java.nio.file.Files.readString(cluster.node(i).console());
                int node = i;
                console.lines()
                        .filter(l -> l.contains("WARN") || l.contains("ERROR"))
                        .filter(l -> l.contains("webhook") || l.contains("b2bpack") || l.contains("deadlock"))
                        .forEach(l -> log("node%d: %s", node, l));
            }
        }

        log(
                "webhooks (receiver down, then back): raised=%d delivered=%d duplicates=%d lost=%d completed=%d;"
                        + " failed attempts while down per node %s; claims outlived (attempts not started or results"
                        + " written after their claim expired, each a possible duplicate) per node %s",
                raised.size(),
                outcome.delivered,
                outcome.duplicates,
                outcome.lost,
                completed,
                attemptsWhileDown,
                perNode("b2bpack_webhook_claims_outlived_total"));
        attemptsWhileDown.forEach(
                (node, n) -> assertTrue(n > 0, "node" + node + " attempted deliveries while the receiver was down"));
        assertEquals(0, outcome.lost, "every event arrives");
        // Delivery is at-least-once (docs/production.md): once, before attempts were cut to their claim
        // (AttemptWindow),
        // 2 of the 150 events arrived twice without a crash. Duplicates are counted and printed above (each copy's
        // arrival, its events-API row, the nodes' webhook warnings, the claims-outlived counters); the bound keeps a
        // regression from passing unseen without failing a run on one late lease.
        assertTrue(outcome.duplicates <= 10, "duplicates without a crash: " + outcome.duplicates);
        assertEquals(raised.size(), outcome.delivered);
        assertEquals(raised.size(), completed, "the events API shows every delivery completed");
    }

    private void webhookRealm(String realm, String path) {
        ClusterHttp.Response r = http.admin(
                "POST",
                BALANCER,
                "/admin/realms",
                "{\"realm\":\"" + realm + "\",\"enabled\":true,\"eventsListeners\":[\"jboss-logging\",\"webhooks\"]}");
        assertEquals(201, r.status(), r.body());
        ClusterHttp.Response hook = http.admin(
                "POST",
                BALANCER,
                "/admin/realms/" + realm + "/webhooks",
                "{\"name\":\"cluster\",\"target_url\":\"http://127.0.0.1:" + FakePorts.WEBHOOK_RECEIVER + path
                        + "\",\"event_codes\":[\"admin.group.create.success\"]}");
        assertEquals(201, hook.status(), hook.body());
    }

    /** Creates {@code count} groups, one thread per listed node, each straight on its node; answers the created group ids. */
    private List<String> raiseGroupEvents(String realm, int count, int[] nodes, String prefix) throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Integer> threads = new ArrayList<>();
        for (int node : nodes) {
            threads.add(node);
        }
        inParallel(threads, node -> {
            for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                ClusterHttp.Response r = http.admin(
                        "POST",
                        nodeUrl(node),
                        "/admin/realms/" + realm + "/groups",
                        "{\"name\":\"" + prefix + "-" + k + "\"}");
                assertEquals(201, r.status(), r.body());
                ids.add(r.createdId());
            }
        });
        return new ArrayList<>(ids);
    }

    private static Map<Integer, Double> perNode(String metric, String... labels) {
        Map<Integer, Double> values = new LinkedHashMap<>();
        for (int i = 1; i <= NODES; i++) {
            values.put(i, Cluster.metric(i, metric, labels));
        }
        return values;
    }

    /** Deliveries received at one path, judged against the group ids whose creation was committed. */
    private record Outcome(int delivered, int duplicates, int lost, int requests, int after, long firstAfterMillis) {

        /** @param since epoch millis; {@code after} counts the distinct deliveries received at or after it */
        static Outcome of(List<RecordedRequest> deliveries, List<String> raised, long since) {
            Map<String, Integer> perWebhookId = new HashMap<>();
            Set<String> groups = new HashSet<>();
            Set<String> after = new HashSet<>();
            long first = Long.MAX_VALUE;
            for (RecordedRequest d : deliveries) {
                perWebhookId.merge(d.header("webhook-id"), 1, Integer::sum);
                JsonNode body;
                try {
                    body = ClusterHttp.JSON.readTree(d.bodyText());
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + d.bodyText(), e);
                }
                JsonNode resourcePath = body.findValue("resource_path");
                String path = resourcePath == null ? "" : resourcePath.asText();
                groups.add(path.substring(path.lastIndexOf('/') + 1));
                if (since > 0 && d.receivedAtMillis() >= since) {
                    after.add(d.header("webhook-id"));
                    first = Math.min(first, d.receivedAtMillis());
                }
            }
            int duplicates = perWebhookId.values().stream().mapToInt(n -> n - 1).sum();
            int delivered = (int) raised.stream().filter(groups::contains).count();
            return new Outcome(
                    delivered,
                    duplicates,
                    raised.size() - delivered,
                    deliveries.size(),
                    after.size(),
                    first == Long.MAX_VALUE ? -1 : first - since);
        }
    }

    private Outcome awaitDeliveries(String path, List<String> raised, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome outcome = Outcome.of(receiver.deliveriesTo(path), raised, 0);
        while (outcome.lost > 0 && System.nanoTime() < deadline) {
            sleep(500);
            outcome = Outcome.of(receiver.deliveriesTo(path), raised, 0);
        }
        return outcome;
    }

    // ------------------------------------------------------------------------------------------ rolling restart

    @Test
    @Order(7)
    void aRollingRestartLosesNoLoginNoWebhookAndNoSmsChallengeInProgress() throws Exception {
        String realm = "cluster-rolling";
        String hooks = "cluster-hooks-rolling";
        String path = "/rolling";
        smsRealm(realm, Map.of("sender", "http"));
        String rickPhone = "+33612349006";
        userWithPhone(realm, "rick", rickPhone);
        createUser(realm, """
                {"username": "paula", "enabled": true, "email": "paula@example.com", "emailVerified": true, "firstName": "P", "lastName": "Aula",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(PASSWORD));
        webhookRealm(hooks, path);
        if (receiver == null) {
            receiver = new WebhookReceiver(FakePorts.WEBHOOK_RECEIVER);
        }
        receiver.answerOk();

        // In progress before the restart: an SMS challenge (password done, code texted), a login form opened, a
        // session.
        LoginSession rick = new LoginSession().login(realm, CLIENT, "rick", PASSWORD);
        assertTrue(rick.pageContains("name=\"code\""), rick.page());
        List<FakeSmsGateway.Sms> rickTexts = sms.awaitMessagesTo(rickPhone, 1, WAIT);
        assertEquals(1, rickTexts.size());
        LoginSession paulaForm = new LoginSession().open(realm, CLIENT);
        assertTrue(paulaForm.pageContains("name=\"password\""), paulaForm.page());
        ClusterHttp.Response session = http.passwordGrant(BALANCER, realm, CLIENT, "paula", PASSWORD);
        assertEquals(200, session.status(), session.body());

        // During the restart: logins and webhook events through the balancer, one after the other, without a pause.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger loginsOk = new AtomicInteger();
        ConcurrentLinkedQueue<String> loginFailures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> raised = new ConcurrentLinkedQueue<>();
        Map<String, String> eventFailures = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(2);
        load.submit(() -> {
            while (!stop.get()) {
                try {
                    ClusterHttp.Response r = http.passwordGrant(BALANCER, realm, CLIENT, "paula", PASSWORD);
                    if (r.status() == 200) {
                        loginsOk.incrementAndGet();
                    } else {
                        loginFailures.add(r.status() + " " + r.body());
                    }
                } catch (RuntimeException e) {
                    loginFailures.add(e.toString());
                }
                sleep(200);
            }
        });
        load.submit(() -> {
            for (int k = 0; !stop.get(); k++) {
                String name = "rolling-" + k;
                try {
                    ClusterHttp.Response r = http.admin(
                            "POST", BALANCER, "/admin/realms/" + hooks + "/groups", "{\"name\":\"" + name + "\"}");
                    if (r.status() == 201) {
                        raised.add(r.createdId());
                    } else {
                        eventFailures.put(name, r.status() + " " + r.body());
                    }
                } catch (RuntimeException e) {
                    eventFailures.put(name, e.toString());
                }
                sleep(200);
            }
        });

        long restartStarted = System.nanoTime();
        List<Long> perNode = new ArrayList<>();
        try {
            for (int i = 1; i <= NODES; i++) {
                long t = System.nanoTime();
                cluster.node(i).stop();
                cluster.awaitClusterView(NODES - 1, Duration.ofSeconds(60));
                cluster.startNode(i);
                cluster.awaitClusterView(NODES, Duration.ofSeconds(90));
                cluster.awaitBalancerServes(Duration.ofSeconds(30));
                perNode.add((System.nanoTime() - t) / 1_000_000);
                log("rolling restart: node%d back in %d ms", i, perNode.get(perNode.size() - 1));
            }
        } finally {
            stop.set(true);
            load.shutdown();
            assertTrue(load.awaitTermination(120, TimeUnit.SECONDS));
        }
        long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;

        // After: each thing started before the restart finishes.
        rick.post(Map.of("code", rickTexts.get(0).code()));
        boolean rickIn = rick.loggedIn();
        ClusterHttp.Response rickTokens = rickIn
                ? http.form(
                        BALANCER + "/realms/" + realm + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                CLIENT,
                                "code",
                                rick.code(),
                                "redirect_uri",
                                LoginSession.redirectUri(realm)))
                : null;
        paulaForm.post(Map.of("username", "paula", "password", PASSWORD));
        boolean paulaIn = paulaForm.loggedIn();
        ClusterHttp.Response refreshed = http.form(
                BALANCER + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        CLIENT,
                        "refresh_token",
                        session.field("refresh_token")));
        // The events raised are the group creations committed: every group of the realm now (a refused request may
        // still have committed), each of which must reach the receiver.
        Map<String, String> committed = new LinkedHashMap<>();
        http.admin("GET", BALANCER, "/admin/realms/" + hooks + "/groups?max=10000", null)
                .json()
                .forEach(g -> committed.put(g.get("name").asText(), g.get("id").asText()));
        List<String> events = new ArrayList<>(committed.values());
        assertTrue(events.containsAll(raised), "every group answered 201 exists");
        // Rows a stopping node had claimed but not sent are taken over after claim-timeout.
        Outcome outcome = awaitDeliveries(path, events, Duration.ofSeconds(90));
        sleep(3000);
        outcome = Outcome.of(receiver.deliveriesTo(path), events, 0);
        List<String> refused = new ArrayList<>();
        eventFailures.forEach((name, answer) -> refused.add(name + " -> " + answer.replaceAll("\\s+", " ")
                + (committed.containsKey(name)
                        ? " (committed nonetheless, its webhook counted above)"
                        : " (not committed, no event)")));

        log(
                "rolling restart: restarts=%d (one node at a time) in %d s %s; logins during: ok=%d failed=%d; SMS challenge begun before,"
                        + " code accepted after=%s (tokens %s); login form opened before, completed after=%s; session made before refreshed"
                        + " after=%d; webhooks: raised=%d delivered=%d duplicates=%d lost=%d (raised = groups committed; 201 answers=%d);"
                        + " admin writes refused=%d %s",
                NODES,
                restartMillis / 1000,
                perNode,
                loginsOk.get(),
                loginFailures.size(),
                rickIn,
                rickTokens == null ? "-" : rickTokens.status(),
                paulaIn,
                refreshed.status(),
                events.size(),
                outcome.delivered,
                outcome.duplicates,
                outcome.lost,
                raised.size(),
                refused.size(),
                refused);
        assertEquals(List.of(), new ArrayList<>(loginFailures), "no login failed during the rolling restart");
        assertTrue(loginsOk.get() > 0);
        assertTrue(rickIn, "the SMS challenge begun before the restart is completed after it:\n" + rick.page());
        assertEquals(200, rickTokens.status(), rickTokens.body());
        assertTrue(paulaIn, "the login form opened before the restart is accepted after it:\n" + paulaForm.page());
        assertEquals(
                200, refreshed.status(), "the session made before the restart is still there: " + refreshed.body());
        // Not asserted: an admin write served by a healthy node can be answered 500 while another node shuts down
        // (Keycloak 26.7.3: the leaving node's 'realms' cache is already TERMINATED when the cluster-wide invalidation
        // of the write reaches its 'work' cache; logged as ISPN000323 there). Printed above with what became of it.
        assertTrue(raised.size() > 0);
        assertEquals(0, outcome.lost, "every webhook event raised during the rolling restart arrives");
    }

    // ------------------------------------------------------------------------------------------------ SIGKILL

    @Test
    @Order(8)
    void aNodeKilledInTheMiddleOfADeliveryBurstLosesNoWebhook() throws Exception {
        String realm = "cluster-hooks-kill";
        String path = "/kill";
        webhookRealm(realm, path);
        if (receiver == null) {
            receiver = new WebhookReceiver(FakePorts.WEBHOOK_RECEIVER);
        }
        // A slow receiver keeps node3's senders busy: attempts in flight and first attempts queued, all claimed by
        // node3.
        receiver.answerSlowly(Duration.ofMillis(1500));
        List<String> raised = raiseGroupEvents(realm, 90, new int[] {3, 3, 3}, "kill");
        assertEquals(90, raised.size());
        List<RecordedRequest> sent = receiver.awaitRequests(r -> path.equals(r.path()), 15, Duration.ofSeconds(30));
        assertTrue(sent.size() >= 15, "node3 was delivering: " + sent.size());
        long killedAt = System.currentTimeMillis();
        cluster.node(3).kill();
        int beforeKill = (int) receiver.deliveriesTo(path).stream()
                .map(r -> r.header("webhook-id"))
                .distinct()
                .count();

        Outcome outcome = awaitDeliveries(path, raised, Duration.ofSeconds(120));
        sleep(4000); // a late duplicate, if any, would arrive now
        outcome = Outcome.of(receiver.deliveriesTo(path), raised, killedAt);
        long completed = http.admin(
                        "GET", BALANCER, "/admin/realms/" + realm + "/webhook-events?state=completed&per_page=1", null)
                .json()
                .get("total")
                .asLong();
        long groups = http.admin("GET", BALANCER, "/admin/realms/" + realm + "/groups/count", null)
                .json()
                .get("count")
                .asLong();

        log(
                "webhooks (node3 SIGKILLed mid-burst): raised=%d delivered=%d duplicates=%d lost=%d completed=%d; reached the receiver before"
                        + " the kill=%d; taken over by nodes 1-2=%d, the first %d ms after the kill (claim-timeout %s); groups after the kill=%d",
                raised.size(),
                outcome.delivered,
                outcome.duplicates,
                outcome.lost,
                completed,
                beforeKill,
                outcome.after,
                outcome.firstAfterMillis,
                CLAIM_TIMEOUT,
                groups);
        assertEquals(raised.size(), groups, "every group committed through node3 is still there");
        assertEquals(0, outcome.lost, "nothing node3 had claimed is lost");
        assertEquals(raised.size(), completed, "the events API shows every delivery completed");
        assertTrue(outcome.after > 0, "nodes 1-2 took over node3's claims");
        // At-least-once: what arrives twice is what node3 had sent but not yet recorded when it died (its attempts in
        // flight and finished attempts still waiting for the recorder's batch: 12-24 over the runs). So every
        // duplicate's first copy reached the receiver by the kill (5 s of margin for a request in flight; takeovers
        // only start once claims expire, ~20 s later), and the nodes that took over sent it once more, never twice.
        Map<String, List<Long>> arrivals = new HashMap<>();
        receiver.deliveriesTo(path)
                .forEach(r -> arrivals.computeIfAbsent(r.header("webhook-id"), k -> new ArrayList<>())
                        .add(r.receivedAtMillis()));
        arrivals.forEach((id, times) -> {
            if (times.size() > 1) {
                assertEquals(2, times.size(), id + " arrived " + times.size() + " times");
                assertTrue(
                        java.util.Collections.min(times) < killedAt + 5_000,
                        id + " was sent twice although node3 had not sent it before the kill");
            }
        });
    }
}
