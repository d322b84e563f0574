package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.ProcessCpu;
import io.github.b2bpack.it.support.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The organization API at 1,000 organizations on the production-mode server on PostgreSQL (issue 13); NOT part of CI
 * (the name does not end in IT). Run it alone, under the IT lock:
 *
 * <pre>
 * flock /tmp/b2bpack-it.lock ./mvnw -B -ntp verify -pl test-support,integration-tests -Dit.test=OrgScaleBenchmark -Dmariadb.skip -Dcluster.skip
 * </pre>
 *
 * <p>Grows to {@code bench.orgs} organizations (1,000) with {@code bench.createThreads} (1) creators, as the master
 * admin, stopping early after {@code bench.createMinutes} (30) so the run stays bounded (two parallel creators were
 * slower than one: at 400-500 organizations each create took 4.3 s at p50 beside the other, against 1.0 s alone);
 * at each count of {@code bench.checkpoints} (100 and the target) it measures, as a master service account holding only
 * {@code create-realm} and master's {@code view-realm} and {@code manage-realm} (what docs/org-realm-mapper.md
 * recommends), {@code bench.samples} (500) requests of each read, interleaved (baseline {@code GET
 * /admin/realms/master}, a list page, discovery by email) so the machine's drift hits them alike. At the target it
 * creates {@code bench.finalCreates} (20) more one at a time, alternating that service account and the master admin.
 * The server runs with {@code --cache-embedded-realms-max-count=100000}, as the docs tell operators to before a few
 * hundred organizations. Nothing is deleted: the database is the run's and goes with it.
 */
@KeycloakIntegrationTest(config = OrgScaleBenchmark.ScaleServerConfig.class)
class OrgScaleBenchmark {

    private static final String SERVER = OrgHttp.SERVER;
    private static final String CLIENT_ID = "org-bench-api";
    private static final String CLIENT_SECRET = "org-bench-api-secret";

    /** The ITs' one configuration plus the realms cache the docs recommend for realm-per-organization. */
    public static final class ScaleServerConfig implements KeycloakServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            return new PackServerConfig().configure(config).option("cache-embedded-realms-max-count", "100000");
        }
    }

    @InjectAdminClient
    Keycloak admin;

    private final StringBuilder report = new StringBuilder();
    private final Map<Integer, Long> createMillis = new ConcurrentHashMap<>();

    @Test
    void organizationsAtScale() throws Exception {
        int target = Integer.getInteger("bench.orgs", 1000);
        int threads = Integer.getInteger("bench.createThreads", 1);
        int minutes = Integer.getInteger("bench.createMinutes", 30);
        int samples = Integer.getInteger("bench.samples", 500);
        int finalCreates = Integer.getInteger("bench.finalCreates", 20);
        List<Integer> checkpoints = new ArrayList<>();
        for (String c : System.getProperty("bench.checkpoints", "100," + target).split(",")) {
            checkpoints.add(Integer.parseInt(c.trim()));
        }
        line(
                "machine: %d cores, %s %s; load %s; target %d organizations, %d creators, at most %d min of creating",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ProcessCpu.loadAverage(),
                target,
                threads,
                minutes);
        Supplier<String> adminToken = () -> admin.tokenManager().getAccessTokenString();
        Supplier<String> serviceToken = serviceAccount();
        OrgHttp asAdmin = new OrgHttp(adminToken);
        OrgHttp asService = new OrgHttp(serviceToken);
        BearerHttp serverAsService = new BearerHttp(SERVER, serviceToken, Duration.ofSeconds(60));

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        long growStart = System.nanoTime();
        int count = 0;
        for (int checkpoint : checkpoints) {
            long t = System.nanoTime();
            int from = count;
            count = grow(asAdmin, count, checkpoint, threads, deadline);
            line(
                    "created organizations %d -> %d in %.1f s (%.2f s per organization, %d parallel); load %s",
                    from,
                    count,
                    (System.nanoTime() - t) / 1e9,
                    (System.nanoTime() - t) / 1e9 / Math.max(1, count - from),
                    threads,
                    ProcessCpu.loadAverage());
            createBands(from, count);
            reads(asService, serverAsService, count, samples);
            if (count < checkpoint) {
                line("STOPPED at %d organizations: bench.createMinutes=%d reached", count, minutes);
                break;
            }
        }
        line(
                "growing to %d organizations took %.1f min in all (reads at the checkpoints included)",
                count, (System.nanoTime() - growStart) / 6e10);
        finalCreates(asService, asAdmin, count, finalCreates);
        Files.writeString(Path.of("target", "org-scale-benchmark.txt"), report.toString());
    }

    /** Creates organizations {@code from} .. {@code to - 1} with {@code threads} creators; returns the count reached. */
    private int grow(OrgHttp http, int from, int to, int threads, long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int k = 0; k < threads; k++) {
            pool.execute(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < to) {
                    createMillis.put(i, create(http, i));
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        return done.get();
    }

    /** One organization (timed: the POST alone) and its domain vouched for by hand (untimed), as OrgScaleRun does. */
    private static long create(OrgHttp http, int i) {
        long start = System.nanoTime();
        OidcClient.Response created = http.post(
                "", "{\"name\":\"Bench Org " + i + "\",\"allowed_email_domains\":[\"bench-" + i + ".example\"]}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(201, created.status(), created.body());
        OidcClient.Response verified = http.post(
                "/bench-org-" + i + "/email-domains/bench-" + i + ".example/verify", "{\"method\":\"manual\"}");
        assertEquals(200, verified.status(), verified.body());
        return millis;
    }

    /** Create latency by band of 100 organizations (the count when the create started). */
    private void createBands(int from, int to) {
        for (int band = from / 100 * 100; band < to; band += 100) {
            List<Long> times = new ArrayList<>();
            for (int i = Math.max(band, from); i < Math.min(band + 100, to); i++) {
                times.add(createMillis.get(i));
            }
            Stats s = Stats.ofMillis(times);
            line(
                    "  create, organizations %d-%d: p50 %s / p90 %s / max %s ms",
                    band, band + 99, s.p(0.5), s.p(0.9), s.p(1.0));
        }
    }

    /** The reads, interleaved request by request; printed with their ratio to the baseline. */
    private void reads(OrgHttp orgs, BearerHttp server, int count, int samples) {
        Random random = new Random(42);
        int pages = Math.max(1, count / 10);
        List<IntFunction<OidcClient.Response>> calls = List.of(
                i -> server.get("/admin/realms/master"),
                i -> orgs.get("?per_page=10&page=" + (1 + random.nextInt(pages))),
                i -> orgs.get("/discovery?email=user%40bench-" + random.nextInt(Math.max(1, count)) + ".example"));
        List<String> names = List.of("baseline GET /admin/realms/master", "list page (10)", "discovery by email");
        for (int i = 0; i < 50; i++) {
            for (IntFunction<OidcClient.Response> call : calls) {
                call.apply(i);
            }
        }
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < calls.size(); k++) {
                int c = (i + k) % calls.size(); // rotate which call goes first
                long start = System.nanoTime();
                OidcClient.Response r = calls.get(c).apply(i);
                times.get(c).add(System.nanoTime() - start);
                assertEquals(200, r.status(), names.get(c) + ": " + r.body());
            }
        }
        Stats base = Stats.ofNanos(times.get(0));
        line("reads at %d organizations, %d samples each, as the service account; load %s", count, samples, load());
        for (int c = 0; c < calls.size(); c++) {
            Stats s = Stats.ofNanos(times.get(c));
            line(
                    "  %s: p50 %s / p90 %s / p99 %s ms (p50 %.2fx, p99 %.2fx the baseline)",
                    names.get(c),
                    s.p(0.5),
                    s.p(0.9),
                    s.p(0.99),
                    s.value(0.5) / base.value(0.5),
                    s.value(0.99) / base.value(0.99));
        }
    }

    /** Creates one at a time, alternating the service account and the admin, so both see the same machine. */
    private void finalCreates(OrgHttp service, OrgHttp admin, int count, int creates) {
        List<Long> asService = new ArrayList<>();
        List<Long> asAdmin = new ArrayList<>();
        for (int k = 0; k < creates; k++) {
            int i = count + k;
            boolean serviceTurn = (k % 4 == 0 || k % 4 == 3); // ABBA
            long ms = create(serviceTurn ? service : admin, i);
            (serviceTurn ? asService : asAdmin).add(ms);
        }
        Stats s = Stats.ofMillis(asService);
        Stats a = Stats.ofMillis(asAdmin);
        line(
                "CREATE at %d organizations, one at a time: service account p50 %s / p90 %s ms (%d); master admin p50 %s / p90 %s ms (%d); load %s",
                count, s.p(0.5), s.p(0.9), asService.size(), a.p(0.5), a.p(0.9), asAdmin.size(), load());
    }

    /** A master service account with create-realm, view-realm and manage-realm (to vouch for domains); its token. */
    private Supplier<String> serviceAccount() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setSecret(CLIENT_SECRET);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        admin.realm("master").clients().create(client).close();
        String id =
                admin.realm("master").clients().findByClientId(CLIENT_ID).get(0).getId();
        String user =
                admin.realm("master").clients().get(id).getServiceAccountUser().getId();
        admin.realm("master")
                .users()
                .get(user)
                .roles()
                .realmLevel()
                .add(List.of(admin.realm("master").roles().get("create-realm").toRepresentation()));
        Users.grantClientRoles(admin, "master", user, "master-realm", "view-realm", "manage-realm");
        String tokenUrl = SERVER + "/realms/master/protocol/openid-connect/token";
        long[] at = {0};
        String[] token = {null};
        return () -> {
            synchronized (token) {
                // master's tokens live 60 s
                if (token[0] == null || System.nanoTime() - at[0] > TimeUnit.SECONDS.toNanos(30)) {
                    OidcClient.Response r = OidcClient.postForm(
                            tokenUrl,
                            Map.of(
                                    "grant_type", "client_credentials",
                                    "client_id", CLIENT_ID,
                                    "client_secret", CLIENT_SECRET));
                    assertEquals(200, r.status(), r.body());
                    token[0] = r.field("access_token");
                    at[0] = System.nanoTime();
                }
                return token[0];
            }
        };
    }

    private static String load() {
        return ProcessCpu.loadAverage();
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println("[org-bench] " + s);
    }

    /** Percentiles of latencies, in milliseconds. */
    private record Stats(double[] sortedMillis) {

        static Stats ofNanos(List<Long> nanos) {
            return new Stats(nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray());
        }

        static Stats ofMillis(List<Long> millis) {
            return new Stats(
                    millis.stream().mapToDouble(Long::doubleValue).sorted().toArray());
        }

        double value(double q) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedMillis.length - 1, Math.ceil(q * sortedMillis.length) - 1);
            return sortedMillis[Math.max(0, i)];
        }

        String p(double q) {
            return String.format(Locale.ROOT, "%.1f", value(q));
        }
    }
}
