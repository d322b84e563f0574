package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.PostgresStats;
import io.github.b2bpack.it.support.ProcessCpu;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Bounded load run of the webhook listener against the shared test server; NOT part of CI (the class
 * name does not end in IT). Run it alone, under the IT lock:
 * <pre>
 * flock /tmp/b2bpack-it.lock ./mvnw -B -ntp verify -pl integration-tests -Dit.test=WebhookLoadBenchmark
 * </pre>
 * It prints, and writes to {@code target/webhook-load-benchmark.txt}:
 * <ol>
 *   <li>direct-grant logins/s with the listener on and one matching webhook, against a realm without the
 *       listener, in alternating rounds of the same run (ratio is the goal: ≥ 95%), plus commit → first
 *       attempt latency percentiles of the login events;</li>
 *   <li>deliveries/s to the loopback receiver with a backlog (admin events fanned out to many webhooks);</li>
 *   <li>the reliability run: N events against a receiver failing 30% of requests, none lost.</li>
 * </ol>
 * The login comparison runs many short alternating blocks (default 20 pairs of 2 s, ABBA order) because
 * the shared 2-core machine's load drifts by tens of percent within a minute. Its webhook posts to
 * {@link LeanReceiver} (the JDK {@code HttpServer} of the ITs' receiver takes about 0.85 ms of CPU per
 * request from the same two cores; {@code bench.receiver=jdk} uses it anyway), and it reports the CPU each
 * JVM spent per login, by thread group for Keycloak's, read from {@code /proc}.
 * System properties: {@code bench.rounds} (20), {@code bench.roundSeconds} (2), {@code bench.warmupSeconds} (15), {@code bench.receiver} ({@code lean}), {@code bench.threads} (4),
 * {@code bench.phases} ({@code logins,fanout,reliability}; {@code drain}: fan-out with the receiver held until every event is in), {@code bench.loginCode} ({@code user.login.success}),
 * {@code bench.fanoutEvents} (500), {@code bench.fanoutWebhooks} (20), {@code bench.fanoutReceiver} ({@code lean}),
 * {@code bench.reliabilityEvents} (10000). The fan-out phase also reports the CPU of Keycloak (by thread group),
 * PostgreSQL and this JVM per delivery, and PostgreSQL's commits and row writes per delivery.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookLoadBenchmark {

    private static final String OFF = "webhook-it-bench-off";
    private static final String ON = "webhook-it-bench-on";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String URL = "http://127.0.0.1:8503/bench";
    private static final int LEAN_PORT = 8504;
    private static final String LEAN_URL = "http://127.0.0.1:" + LEAN_PORT + "/bench";
    private static final int FANOUT_PORT = 8505;

    @InjectAdminClient
    Keycloak admin;

    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 20);
        int roundSeconds = Integer.getInteger("bench.roundSeconds", 2);
        String phases = System.getProperty("bench.phases", "logins,fanout,reliability");
        int threads = Integer.getInteger("bench.threads", 4);
        int fanoutEvents = Integer.getInteger("bench.fanoutEvents", 500);
        int fanoutWebhooks = Integer.getInteger("bench.fanoutWebhooks", 20);
        int reliabilityEvents = Integer.getInteger("bench.reliabilityEvents", 10_000);
        line(
                "machine: %d cores, %s %s; threads=%d rounds=%d x %ds",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                threads,
                rounds,
                roundSeconds);

        try (WebhookReceiver receiver = WebhookReceiver.onFixedPort()) {
            createRealm(OFF, List.of("jboss-logging"));
            createRealm(ON, List.of("jboss-logging", "webhooks"));
            try {
                WebhookApi api = new WebhookApi(ON, () -> admin.tokenManager().getAccessTokenString());
                // bench.loginCode=user.none.success keeps the listener on but matches nothing: the in-transaction cost
                // alone.
                String loginCode = System.getProperty("bench.loginCode", "user.login.success");
                // bench.receiver=jdk sends the login webhooks to the JDK HttpServer receiver the ITs use, instead of
                // the lean one.
                boolean lean = !"jdk".equals(System.getProperty("bench.receiver", "lean"));
                try (LeanReceiver leanReceiver = lean ? new LeanReceiver(LEAN_PORT) : null) {
                    assertEquals(
                            201,
                            api.createWebhook("logins", lean ? LEAN_URL : URL, List.of(loginCode))
                                    .status());
                    if (phases.contains("logins")) {
                        line(
                                "login webhook receiver: %s",
                                lean
                                        ? "lean (LeanReceiver, 204 on a kept-alive socket)"
                                        : "JDK HttpServer (WebhookReceiver)");
                        loginRatio(receiver, leanReceiver, rounds, roundSeconds, threads);
                    }
                }
                String loginHook =
                        api.get("/webhooks").json().get("data").get(0).get("id").asText();
                api.delete("/webhooks/" + loginHook);
                if (phases.contains("fanout")) {
                    fanout(receiver, api, fanoutEvents, fanoutWebhooks, threads, false);
                }
                if (phases.contains("drain")) {
                    fanout(receiver, api, fanoutEvents, fanoutWebhooks, threads, true);
                }
                if (phases.contains("reliability")) {
                    reliability(receiver, api, reliabilityEvents, threads);
                }
            } finally {
                admin.realm(OFF).remove();
                admin.realm(ON).remove();
            }
        }
        Path out = Path.of("target", "webhook-load-benchmark.txt");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void loginRatio(WebhookReceiver receiver, LeanReceiver lean, int rounds, int seconds, int threads)
            throws Exception {
        receiver.clear();
        receiver.answerOk();
        // Warm-up, both realms: the JIT is still compiling the login path for tens of seconds after a start.
        int warmup = Integer.getInteger("bench.warmupSeconds", 15);
        logins(OFF, warmup, threads);
        logins(ON, warmup, threads);
        long offTotal = 0;
        long onTotal = 0;
        List<Double> ratios = new ArrayList<>();
        long server = ProcessCpu.keycloakPid().orElse(-1L);
        long self = ProcessHandle.current().pid();
        CpuAccount offCpu = new CpuAccount(server, self);
        CpuAccount onCpu = new CpuAccount(server, self);
        for (int r = 0; r < rounds; r++) {
            // Alternate which realm goes first (ABBA…), so drift in machine load hits both sides alike.
            long off;
            long on;
            if (r % 2 == 0) {
                off = offCpu.during(() -> logins(OFF, seconds, threads));
                on = onCpu.during(() -> logins(ON, seconds, threads));
            } else {
                on = onCpu.during(() -> logins(ON, seconds, threads));
                off = offCpu.during(() -> logins(OFF, seconds, threads));
            }
            offTotal += off;
            onTotal += on;
            ratios.add(off == 0 ? 0 : 100.0 * on / off);
            if (rounds <= 8) {
                line(
                        "round %d: listener off %.1f logins/s, on %.1f logins/s (%.1f%%)",
                        r + 1, off / (double) seconds, on / (double) seconds, 100.0 * on / off);
            }
        }
        if (server > 0) {
            // The webhook threads' work for an "on" block may spill into the next block: read these as estimates.
            line(
                    "CPU per login (ms): Keycloak JVM off %.2f, on %.2f; PostgreSQL off %.2f, on %.2f;"
                            + " test JVM (load generator + receiver) off %.2f, on %.2f",
                    offCpu.serverMillis / (double) offTotal,
                    onCpu.serverMillis / (double) onTotal,
                    offCpu.postgresMillis / (double) offTotal,
                    onCpu.postgresMillis / (double) onTotal,
                    offCpu.selfMillis / (double) offTotal,
                    onCpu.selfMillis / (double) onTotal);
            StringBuilder groups = new StringBuilder();
            Set<String> names = new TreeSet<>(onCpu.serverThreads.keySet());
            names.addAll(offCpu.serverThreads.keySet());
            for (String name : names) {
                double offPer = offCpu.serverThreads.getOrDefault(name, 0L) / (double) offTotal;
                double onPer = onCpu.serverThreads.getOrDefault(name, 0L) / (double) onTotal;
                if (offPer >= 0.05 || onPer >= 0.05) {
                    groups.append(String.format("%s %.2f / %.2f; ", name, offPer, onPer));
                }
            }
            line("Keycloak JVM CPU per login by thread group, off / on (ms): %s", groups);
        }
        Collections.sort(ratios);
        line(
                "LOGINS: off %.1f/s, on+1 webhook %.1f/s, ratio %.1f%% (median of rounds %.1f%%; goal >= 95%%)",
                offTotal / (double) (rounds * seconds),
                onTotal / (double) (rounds * seconds),
                100.0 * onTotal / offTotal,
                ratios.get(ratios.size() / 2));
        // Commit -> first attempt, from the event time in each payload to the first arrival of its webhook-id.
        long expected = onTotal;
        Map<String, Long> firstArrival = new HashMap<>();
        Map<String, Long> eventTime = new HashMap<>();
        if (lean != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lean.arrivals().size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            for (LeanReceiver.Arrival a : lean.arrivals()) {
                if (firstArrival.putIfAbsent(a.webhookId(), a.receivedAtMillis()) == null) {
                    eventTime.put(a.webhookId(), eventTime(a.body()));
                }
            }
        } else {
            receiver.awaitRequests(r -> true, (int) Math.min(Integer.MAX_VALUE, expected), Duration.ofSeconds(60));
            for (RecordedRequest r : receiver.deliveries()) {
                String id = r.header("webhook-id");
                if (firstArrival.putIfAbsent(id, r.receivedAtMillis()) == null) {
                    eventTime.put(id, eventTime(r.body()));
                }
            }
        }
        List<Long> lat = new ArrayList<>();
        firstArrival.forEach((id, at) -> lat.add(at - eventTime.get(id)));
        Collections.sort(lat);
        line(
                "COMMIT->FIRST ATTEMPT over %d login events: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (goal p99 < 1000 ms)",
                lat.size(), pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.isEmpty() ? -1 : lat.get(lat.size() - 1));
    }

    private static long eventTime(byte[] body) {
        return Instant.parse(WebhookApi.parse(new String(body, StandardCharsets.UTF_8))
                        .get("timestamp")
                        .asText())
                .toEpochMilli();
    }

    /**
     * Fan-out of admin events to many webhooks. With {@code held}, the (lean) receiver leaves requests unanswered
     * until every event is in, so the node then only delivers a backlog: its delivery capacity rather than the rate
     * at which the admin API creates events.
     */
    private void fanout(WebhookReceiver receiver, WebhookApi api, int events, int webhooks, int threads, boolean held)
            throws Exception {
        // bench.fanoutReceiver=jdk posts to the JDK HttpServer receiver (≈ 0.85 ms of CPU per request on these 2
        // cores, which a receiver on another machine would not take); the default is the lean one.
        boolean lean = !"jdk".equals(System.getProperty("bench.fanoutReceiver", "lean"));
        receiver.clear();
        receiver.answerOk();
        try (LeanReceiver leanReceiver = lean ? new LeanReceiver(FANOUT_PORT) : null) {
            String url = lean ? "http://127.0.0.1:" + FANOUT_PORT + "/fanout" : URL;
            for (int i = 0; i < webhooks; i++) {
                assertEquals(
                        201,
                        api.createWebhook("fanout-" + i, url, List.of("admin.group.create.success"))
                                .status());
            }
            int expected = events * webhooks;
            long server = ProcessCpu.keycloakPid().orElse(-1L);
            CpuAccount cpu = new CpuAccount(server, ProcessHandle.current().pid());
            long pgBefore = ProcessCpu.postgresMillis();
            PostgresStats dbBefore = PostgresStats.read();
            long start = System.currentTimeMillis();
            long[] enqueued = new long[2];
            boolean holding = held && lean;
            if (holding) {
                leanReceiver.hold();
            }
            cpu.during(() -> {
                createGroups(holding ? "drain" : "fanout", events, threads);
                enqueued[0] = System.currentTimeMillis();
                enqueued[1] =
                        lean ? leanReceiver.count() : receiver.deliveries().size();
                if (holding) {
                    leanReceiver.release();
                }
                if (lean) {
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                    while (leanReceiver.count() < expected && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                } else {
                    receiver.awaitRequests(r -> true, expected, Duration.ofMinutes(5));
                }
                return 0L;
            });
            long pg = ProcessCpu.postgresMillis() - pgBefore;
            Thread.sleep(11_000); // backends publish their statistics at most every second, idle ones within 10 s
            PostgresStats db = PostgresStats.read().minus(dbBefore);
            long first;
            long last;
            int attempts;
            int accepted;
            if (lean) {
                List<LeanReceiver.Arrival> all = leanReceiver.arrivals();
                first = all.stream()
                        .mapToLong(LeanReceiver.Arrival::receivedAtMillis)
                        .min()
                        .orElse(0);
                last = all.stream()
                        .mapToLong(LeanReceiver.Arrival::receivedAtMillis)
                        .max()
                        .orElse(0);
                attempts = all.size();
                accepted = (int) all.stream()
                        .map(LeanReceiver.Arrival::webhookId)
                        .distinct()
                        .count();
            } else {
                List<RecordedRequest> all = receiver.deliveries();
                first = all.get(0).receivedAtMillis();
                last = all.get(all.size() - 1).receivedAtMillis();
                attempts = all.size();
                accepted = receiver.acceptedIds().size();
            }
            line(
                    "FANOUT (%s receiver%s): %d admin events x %d webhooks = %d deliveries; events enqueued in %d ms (%.0f rows/s); "
                            + "%d distinct ids of %d attempts; first->last delivery %d ms = %.0f deliveries/s (goal >= 1000/s per node)",
                    lean ? "lean" : "JDK",
                    holding ? ", held until every event was in" : "",
                    events,
                    webhooks,
                    expected,
                    enqueued[0] - start,
                    expected * 1000.0 / (enqueued[0] - start),
                    accepted,
                    attempts,
                    last - first,
                    attempts * 1000.0 / Math.max(1, last - first));
            // Once every event is in, the node only delivers: the backlog left then drains at its delivery capacity.
            line(
                    "FANOUT backlog when the last event was in: %d deliveries, drained in %d ms = %.0f deliveries/s",
                    attempts - enqueued[1],
                    last - enqueued[0],
                    (attempts - enqueued[1]) * 1000.0 / Math.max(1, last - enqueued[0]));
            double n = Math.max(1, attempts);
            line(
                    "FANOUT CPU per delivery (ms): Keycloak JVM %.3f, PostgreSQL %.3f, test JVM (admin client + receiver) %.3f;"
                            + " PostgreSQL (fsync=%s) per delivery: %.3f commits, %.3f rows inserted, %.3f rows updated",
                    cpu.serverMillis / n,
                    pg / n,
                    cpu.selfMillis / n,
                    PostgresStats.fsync(),
                    db.commits() / n,
                    db.inserted() / n,
                    db.updated() / n);
            StringBuilder groups = new StringBuilder();
            cpu.serverThreads.entrySet().stream()
                    .filter(e -> e.getValue() / n >= 0.005)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> groups.append(String.format("%s %.3f; ", e.getKey(), e.getValue() / n)));
            line("FANOUT Keycloak JVM CPU per delivery by thread group (ms): %s", groups);
        }
        for (JsonNode hook : api.get("/webhooks?per_page=100").json().get("data")) {
            api.delete("/webhooks/" + hook.get("id").asText());
        }
    }

    private void reliability(WebhookReceiver receiver, WebhookApi api, int events, int threads) throws Exception {
        receiver.clear();
        receiver.failRatio(0.3, 7);
        assertEquals(
                201,
                api.createWebhook("reliability", URL, List.of("admin.group.create.success"))
                        .status());
        long start = System.currentTimeMillis();
        createGroups("rel", events, threads);
        long enqueued = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
        while (receiver.acceptedIds().size() < events && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        long done = System.currentTimeMillis();
        int accepted = receiver.acceptedIds().size();
        int attempts = receiver.deliveries().size();
        long completed = api.get("/webhook-events?state=completed&per_page=1")
                .json()
                .get("total")
                .asLong();
        long discarded = api.get("/webhook-events?state=discarded&per_page=1")
                .json()
                .get("total")
                .asLong();
        line(
                "RELIABILITY: %d events, receiver failing 30%%: %d distinct ids accepted, %d attempts (%.2f per event), "
                        + "%d completed, %d discarded, lost %d; enqueue %d ms, all delivered %d ms after the first event",
                events,
                accepted,
                attempts,
                attempts / (double) events,
                completed,
                discarded,
                events - accepted,
                enqueued - start,
                done - start);
    }

    /** CPU of the server's JVM (per thread group) and of this JVM, added up over the blocks of one side. */
    private static final class CpuAccount {
        private final long server;
        private final long self;
        long serverMillis;
        long selfMillis;
        long postgresMillis;
        final Map<String, Long> serverThreads = new HashMap<>();

        CpuAccount(long server, long self) {
            this.server = server;
            this.self = self;
        }

        long during(Callable<Long> block) throws Exception {
            long serverBefore = server > 0 ? ProcessCpu.millis(server) : 0;
            Map<String, Long> threadsBefore = server > 0 ? ProcessCpu.byThreadGroup(server) : Map.of();
            long selfBefore = ProcessCpu.millis(self);
            long postgresBefore = ProcessCpu.postgresMillis();
            long result = block.call();
            selfMillis += ProcessCpu.millis(self) - selfBefore;
            postgresMillis += ProcessCpu.postgresMillis() - postgresBefore;
            if (server > 0) {
                serverMillis += ProcessCpu.millis(server) - serverBefore;
                ProcessCpu.byThreadGroup(server)
                        .forEach((name, ms) ->
                                serverThreads.merge(name, ms - threadsBefore.getOrDefault(name, 0L), Long::sum));
            }
            return result;
        }
    }

    private long logins(String realm, int seconds, int threads) throws Exception {
        OidcClient oidc = new OidcClient(WebhookApi.SERVER + "/realms/" + realm);
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    if (oidc.passwordGrant("bench", "alice", PASSWORD).status() == 200) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return ok.get();
    }

    private void createGroups(String prefix, int count, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(WebhookApi.SERVER + "/admin/realms/" + ON + "/groups"))
                            .header(
                                    "Authorization",
                                    "Bearer " + admin.tokenManager().getAccessTokenString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + prefix + "-" + i + "\"}"))
                            .build();
                    if (OidcClient.send(request).status() != 201) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        assertEquals(0, failed.get(), "group creations failed");
    }

    private void createRealm(String name, List<String> listeners) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setEventsListeners(listeners);
        realm.setAdminEventsEnabled(false);
        admin.realms().create(realm);
        admin.realm(name)
                .clients()
                .create(Fixtures.publicDirectGrantClient("bench"))
                .close();
        admin.realm(name)
                .users()
                .create(Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "Martin", PASSWORD))
                .close();
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        report.append(s).append('\n');
        System.out.println("[webhook-bench] " + s);
    }
}
