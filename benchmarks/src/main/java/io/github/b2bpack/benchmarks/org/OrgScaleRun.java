package io.github.b2bpack.benchmarks.org;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded load run of the organization API against a running server (not JMH: the cost is in the
 * server). Grows the number of organizations to each target count, then measures, in the same run
 * and on the same connection: creating an organization (production realm + template), discovery by
 * email, one list page, and two baselines — a cheap built-in admin call ({@code GET
 * /admin/realms/master}) and Keycloak's own realm list ({@code GET /admin/realms?briefRepresentation=true}),
 * which scans every realm.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.b2bpack.benchmarks.org.OrgScaleRun http://localhost:8080 100,250</pre>
 *
 * <p>By default it calls as master's {@code admin} user, whose token carries the admin roles of every
 * realm. {@code -Dbench.clientId=… -Dbench.clientSecret=…} calls as a master service account instead
 * (client credentials), the way a B2B backend holding only the roles it needs would.
 */
public final class OrgScaleRun {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final String server;
    private final String tokenForm;
    private String token;
    private long tokenAt;

    private OrgScaleRun(String server, String tokenForm) {
        this.server = server;
        this.tokenForm = tokenForm;
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://localhost:8080";
        int[] targets = Arrays.stream((args.length > 1 ? args[1] : "100").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        // Keycloak's own realm list, a scan of every realm: 0 leaves it out (it takes minutes past a few hundred
        // realms).
        int realmListSamples = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(5, samples / 50);
        String clientId = System.getProperty("bench.clientId");
        String tokenForm = clientId == null
                ? "grant_type=password&client_id=admin-cli&username=admin&password=admin"
                : "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + "&client_secret="
                        + URLEncoder.encode(System.getProperty("bench.clientSecret", ""), StandardCharsets.UTF_8);
        new OrgScaleRun(server, tokenForm).run(targets, samples, realmListSamples);
    }

    private void run(int[] targets, int samples, int realmListSamples) throws Exception {
        int existing = total();
        System.out.printf(
                "server %s, %d organizations at start, %d samples per read measure, caller %s%n",
                server,
                existing,
                samples,
                tokenForm.startsWith("grant_type=password")
                        ? "master admin user"
                        : "service account " + System.getProperty("bench.clientId"));
        System.out.println(
                "| orgs | create p50 / p90 (ms) | discovery p50 / p99 (ms) | list page p50 / p99 (ms) | baseline GET /admin/realms/master p50 / p99 (ms) | GET /admin/realms p50 / p99 (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> creates = new ArrayList<>();
        for (int target : targets) {
            creates.clear();
            while (existing < target) {
                long start = System.nanoTime();
                int status = post(
                        "/admin/realms/master/orgs",
                        "{\"name\":\"Bench Org " + existing + "\",\"allowed_email_domains\":[\"bench-" + existing
                                + ".example\"]}");
                creates.add(System.nanoTime() - start);
                if (status != 201 && status != 409) {
                    throw new IllegalStateException("create answered " + status);
                }
                // Only verified domains route at discovery; vouched for by hand, outside the create timing.
                int verified = post(
                        "/admin/realms/master/orgs/bench-org-" + existing + "/email-domains/bench-" + existing
                                + ".example/verify",
                        "{\"method\":\"manual\"}");
                if (verified != 200) {
                    throw new IllegalStateException("manual verification answered " + verified
                            + " (the caller needs manage-realm on master-realm, see org-scale-service-account.sh)");
                }
                existing++;
            }
            int count = existing;
            Random random = new Random(42);
            Stats create = Stats.of(creates);
            System.out.printf(
                    "  %d organizations: create p50 / p90 (ms) %s%n",
                    count, create.isEmpty() ? "–" : create.p50() + " / " + create.p(0.90));
            // Each measure is printed as soon as it is done: at a few hundred realms some of them take minutes.
            Stats discovery = report(
                    "discovery",
                    measure(
                            samples,
                            i -> "/admin/realms/master/orgs/discovery?email="
                                    + URLEncoder.encode(
                                            "user@bench-" + random.nextInt(count) + ".example",
                                            StandardCharsets.UTF_8)));
            Stats list = report(
                    "list page",
                    measure(
                            samples,
                            i -> "/admin/realms/master/orgs?per_page=10&page="
                                    + (1 + random.nextInt(Math.max(1, count / 10)))));
            Stats baseline = report("baseline GET /admin/realms/master", measure(samples, i -> "/admin/realms/master"));
            // The browser entry point: the same lookup without admin authentication, answered with a 302.
            report(
                    "entry point GET /realms/master/org-login (302, no admin token)",
                    measure(
                            samples,
                            i -> "/realms/master/org-login?client_id=app&response_type=code&login_hint="
                                    + URLEncoder.encode(
                                            "user@bench-" + random.nextInt(count) + ".example", StandardCharsets.UTF_8),
                            302,
                            false));
            Stats realmList = realmListSamples == 0
                    ? null
                    : report(
                            "GET /admin/realms?briefRepresentation=true",
                            measure(realmListSamples, i -> "/admin/realms?briefRepresentation=true"));
            System.out.printf(
                    "| %d | %s | %s | %s | %s | %s |%n",
                    count,
                    create.isEmpty() ? "–" : create.p50() + " / " + create.p(0.90),
                    discovery.p50() + " / " + discovery.p(0.99),
                    list.p50() + " / " + list.p(0.99),
                    baseline.p50() + " / " + baseline.p(0.99),
                    realmList == null ? "not measured" : realmList.p50() + " / " + realmList.p(0.99));
        }
    }

    private static Stats report(String what, Stats stats) {
        System.out.printf("  %s p50 / p99 (ms): %s / %s%n", what, stats.p50(), stats.p(0.99));
        return stats;
    }

    private Stats measure(int samples, IntFunction<String> path) throws Exception {
        return measure(samples, path, 200, true);
    }

    private Stats measure(int samples, IntFunction<String> path, int expected, boolean admin) throws Exception {
        // Warm-up: JIT and caches, not measured.
        for (int i = 0; i < Math.min(50, samples); i++) {
            get(path.apply(i), admin);
        }
        List<Long> times = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            String p = path.apply(i);
            long start = System.nanoTime();
            int status = get(p, admin);
            times.add(System.nanoTime() - start);
            if (status != expected) {
                throw new IllegalStateException(p + " answered " + status);
            }
        }
        return Stats.of(times);
    }

    private int total() throws Exception {
        HttpResponse<String> response = HTTP.send(
                authorized("/admin/realms/master/orgs?per_page=1").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOTAL.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no total in " + response.statusCode() + " " + response.body());
        }
        return Integer.parseInt(m.group(1));
    }

    private int get(String path, boolean admin) throws Exception {
        HttpRequest.Builder request = admin
                ? authorized(path)
                : HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(120));
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int post(String path, String json) throws Exception {
        return HTTP.send(
                        authorized(path)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest.Builder authorized(String path) throws IOException, InterruptedException {
        // Master's admin tokens live 60 s: refresh well before.
        if (token == null || System.currentTimeMillis() - tokenAt > 30_000) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(tokenForm))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no admin token: " + response.statusCode());
            }
            token = m.group(1);
            tokenAt = System.currentTimeMillis();
        }
        return HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
    }

    /** Latency percentiles in milliseconds, with one decimal. */
    private record Stats(long[] sortedNanos) {

        static Stats of(List<Long> nanos) {
            return new Stats(nanos.stream().mapToLong(Long::longValue).sorted().toArray());
        }

        boolean isEmpty() {
            return sortedNanos.length == 0;
        }

        String p50() {
            return p(0.50);
        }

        String p(double quantile) {
            if (sortedNanos.length == 0) {
                return "–";
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
            return String.format("%.1f", sortedNanos[Math.max(0, index)] / 1_000_000.0);
        }
    }
}
