package io.github.b2bpack.it.cluster;

import static io.github.b2bpack.it.cluster.Cluster.BALANCER;
import static io.github.b2bpack.it.cluster.Cluster.NODES;
import static io.github.b2bpack.it.cluster.Cluster.nodeUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.b2bpack.it.support.ProcessCpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the cluster costs (issue 13): direct-grant logins per second through the balancer with three nodes, against
 * the same with one node, on the same machine, with the same client, in the same run. NOT part of CI (the name does
 * not end in IT). Run it alone, under the IT lock:
 *
 * <pre>
 * flock /tmp/b2bpack-it.lock ./mvnw -B -ntp verify -pl test-support,integration-tests -Dit.test=ClusterLoadBenchmark -Dmariadb.skip
 * </pre>
 *
 * <p>{@link Cluster} starts three nodes; "one node" is the same cluster with nodes 2 and 3 stopped gracefully (the
 * balancer's health checks take them out, the survivor's cluster view is 1), so both sides run the same build, the
 * same database, the same balancer and the same client. Phases alternate 3, 1, 3, 1 … ({@code bench.cycles} times
 * each), and inside each phase blocks through the balancer alternate with blocks straight to node 1 (what the
 * balancer itself costs). On a 2-core machine three JVMs cannot give more logins than one: the figure is the
 * overhead of the cluster (Infinispan's remote calls for sessions, JGroups and JDBC_PING, three JVMs' background
 * work, the balancer), not scaling. System properties: {@code bench.cycles} (2), {@code bench.blocks} (4 pairs per
 * phase), {@code bench.blockSeconds} (5), {@code bench.warmupSeconds} (10), {@code bench.threads} (6),
 * {@code bench.passwordPolicy} (empty: Keycloak's default hashing; {@code cheap}: one PBKDF2 iteration),
 * {@code bench.clusterDatabase} ({@code postgres}, or {@code mariadb}: the failsafe execution it runs in).
 */
class ClusterLoadBenchmark {

    private static final String REALM = "cluster-bench";
    private static final String CLIENT = "bench";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    /**
     * The realm's password policy ({@code bench.passwordPolicy}); empty is Keycloak's default hashing, whose CPU per
     * login hides the rest, so {@code cheap} ({@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}) shows what a
     * login costs besides the hash: sessions, tokens, and in a cluster their remote cache calls.
     */
    private static final String POLICY = System.getProperty("bench.passwordPolicy", "")
            .replace("cheap", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");

    private final StringBuilder report = new StringBuilder();

    @Test
    void loginsThroughTheBalancerThreeNodesAgainstOne() throws Exception {
        assumeTrue(
                Boolean.getBoolean("b2bpack.cluster"),
                "runs in the failsafe execution 'cluster' (b2bpack.cluster=true), in a JVM of its own");
        // The executions 'cluster' and 'cluster-mariadb' both take it: one database per run, PostgreSQL unless asked.
        assumeTrue(
                Cluster.DATABASE.equals(System.getProperty("bench.clusterDatabase", "postgres")),
                "bench.clusterDatabase selects the cluster execution this benchmark runs in");
        int cycles = Integer.getInteger("bench.cycles", 2);
        int blocks = Integer.getInteger("bench.blocks", 4);
        int seconds = Integer.getInteger("bench.blockSeconds", 5);
        int warmup = Integer.getInteger("bench.warmupSeconds", 10);
        int threads = Integer.getInteger("bench.threads", 6);
        line(
                "machine: %d cores, %s %s; load %s; password policy '%s'; threads=%d, %d cycles of (3 nodes, 1 node), %d pairs of %d s blocks"
                        + " (balancer, node 1 direct) per phase",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ProcessCpu.loadAverage(),
                POLICY,
                threads,
                cycles,
                blocks,
                seconds);
        try (Cluster cluster = new Cluster()) {
            long t0 = System.nanoTime();
            cluster.start();
            line("cluster of %d started in %d s", NODES, (System.nanoTime() - t0) / 1_000_000_000);
            ClusterHttp http = new ClusterHttp();
            createRealm(http);
            List<Double> three = new ArrayList<>();
            List<Double> threeDirect = new ArrayList<>();
            List<Double> one = new ArrayList<>();
            List<Double> oneDirect = new ArrayList<>();
            for (int c = 0; c < cycles; c++) {
                if (c > 0) {
                    long t = System.nanoTime();
                    for (int i = 2; i <= NODES; i++) {
                        cluster.startNode(i);
                    }
                    cluster.awaitClusterView(NODES, Duration.ofSeconds(90));
                    cluster.awaitBalancerServes(Duration.ofSeconds(30));
                    line("nodes 2-3 back in %d ms", (System.nanoTime() - t) / 1_000_000);
                }
                phase("3 nodes", http, warmup, blocks, seconds, threads, three, threeDirect);
                long t = System.nanoTime();
                for (int i = NODES; i >= 2; i--) {
                    cluster.node(i).stop();
                }
                cluster.awaitClusterView(1, Duration.ofSeconds(90));
                Cluster.sleep(2_000); // the balancer's health checks (fall 2 x 500 ms) mark nodes 2-3 down
                line("nodes 2-3 stopped in %d ms", (System.nanoTime() - t) / 1_000_000);
                phase("1 node", http, warmup, blocks, seconds, threads, one, oneDirect);
            }
            summary(three, threeDirect, one, oneDirect);
        }
        Files.writeString(Path.of("target", "cluster-load-benchmark.txt"), report.toString());
    }

    /** Blocks through the balancer and straight to node 1 in ABBA order, each block's logins/s added to the lists. */
    private void phase(
            String name,
            ClusterHttp http,
            int warmup,
            int blocks,
            int seconds,
            int threads,
            List<Double> viaBalancer,
            List<Double> direct)
            throws Exception {
        logins(http, BALANCER, warmup, threads);
        logins(http, nodeUrl(1), warmup / 2, threads);
        long cpuBefore = ProcessCpu.keycloakMillis();
        long pgBefore = ProcessCpu.postgresMillis();
        long selfBefore = ProcessCpu.millis(ProcessHandle.current().pid());
        long loginsInPhase = 0;
        StringBuilder blocksLine = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            long viaB;
            long viaD;
            if (b % 2 == 0) {
                viaB = logins(http, BALANCER, seconds, threads);
                viaD = logins(http, nodeUrl(1), seconds, threads);
            } else {
                viaD = logins(http, nodeUrl(1), seconds, threads);
                viaB = logins(http, BALANCER, seconds, threads);
            }
            loginsInPhase += viaB + viaD;
            viaBalancer.add(viaB / (double) seconds);
            direct.add(viaD / (double) seconds);
            blocksLine.append(
                    String.format(Locale.ROOT, "%.1f/%.1f ", viaB / (double) seconds, viaD / (double) seconds));
        }
        long cpu = ProcessCpu.keycloakMillis() - cpuBefore;
        long pg = ProcessCpu.postgresMillis() - pgBefore;
        long self = ProcessCpu.millis(ProcessHandle.current().pid()) - selfBefore;
        double n = Math.max(1, loginsInPhase);
        line(
                "%s: logins/s per block, balancer/node 1 direct: %s; CPU per login (ms): Keycloak JVMs %.1f,"
                        + " PostgreSQL %.1f, test JVM %.1f; load %s",
                name, blocksLine.toString().trim(), cpu / n, pg / n, self / n, ProcessCpu.loadAverage());
    }

    private void summary(List<Double> three, List<Double> threeDirect, List<Double> one, List<Double> oneDirect) {
        double t = mean(three);
        double o = mean(one);
        line(
                "LOGINS through the balancer: 3 nodes %.1f/s, 1 node %.1f/s, 3 vs 1 = %.1f %% (median of block pairs %.1f %%)",
                t, o, 100 * t / o, 100 * medianRatio(three, one));
        double td = mean(threeDirect);
        double od = mean(oneDirect);
        line(
                "LOGINS straight to node 1: with 2 other nodes %.1f/s, alone %.1f/s, %.1f %% (median %.1f %%)",
                td, od, 100 * td / od, 100 * medianRatio(threeDirect, oneDirect));
        line(
                "BALANCER: through it / straight to node 1: 3 nodes %.1f %%, 1 node %.1f %% (medians of pairs %.1f %%, %.1f %%)",
                100 * t / td, 100 * o / od, 100 * medianRatio(three, threeDirect), 100 * medianRatio(one, oneDirect));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Median of a[i] / b[i]: blocks measured next to each other. */
    private static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(b.get(i) == 0 ? 0 : a.get(i) / b.get(i));
        }
        Collections.sort(ratios);
        return ratios.isEmpty() ? 0 : ratios.get(ratios.size() / 2);
    }

    private static long logins(ClusterHttp http, String base, int seconds, int threads) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int k = 0; k < threads; k++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    if (http.passwordGrant(base, REALM, CLIENT, "alice", PASSWORD)
                                    .status()
                            == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        assertEquals(0, failed.get(), "failed logins through " + base);
        return ok.get();
    }

    private static void createRealm(ClusterHttp http) {
        assertEquals(
                201,
                http.admin(
                                "POST",
                                BALANCER,
                                "/admin/realms",
                                "{\"realm\":\"" + REALM + "\",\"enabled\":true"
                                        + (POLICY.isEmpty() ? "" : ",\"passwordPolicy\":\"" + POLICY + "\"")
                                        + "}")
                        .status());
        assertEquals(
                201,
                http.admin(
                                "POST",
                                BALANCER,
                                "/admin/realms/" + REALM + "/clients",
                                "{\"clientId\":\"" + CLIENT + "\",\"publicClient\":true,"
                                        + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}")
                        .status());
        assertEquals(
                201,
                http.admin(
                                "POST",
                                BALANCER,
                                "/admin/realms/" + REALM + "/users",
                                "{\"username\":\"alice\",\"enabled\":true,\"email\":\"alice@example.com\","
                                        + "\"emailVerified\":true,\"firstName\":\"Alice\",\"lastName\":\"Martin\","
                                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD
                                        + "\",\"temporary\":false}]}")
                        .status());
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println("[cluster-bench] " + s);
    }
}
