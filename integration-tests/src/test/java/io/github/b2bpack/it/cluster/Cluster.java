package io.github.b2bpack.it.cluster;

import io.github.b2bpack.it.PackProviders;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.server.Commands;
import io.github.b2bpack.it.server.KeycloakNode;
import io.github.b2bpack.it.server.LocalMariaDb;
import io.github.b2bpack.it.server.LocalPostgres;
import io.github.b2bpack.it.server.ServerCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.testframework.database.TestDatabase;

/**
 * Three Keycloak nodes in production mode ({@code kc.sh build} once, {@code start --optimized}) on one private
 * PostgreSQL or MariaDB ({@link #DATABASE}), clustered by Keycloak's defaults ({@code --cache=ispn}, JDBC_PING discovery over the shared database,
 * JGroups on loopback), behind {@link HaproxyBalancer} on {@code https://localhost:18443}, the one front-end URL
 * ({@code --hostname}) of every node. Node {@code i} (1–3) serves plain HTTP on {@code 127.0.0.1:1808i}, management
 * (health, metrics) on {@code 1900i}, JGroups on {@code 780(1+i)}; the database is on 15433. Everything lives under
 * {@code <tmp>/b2bpack-cluster} and is removed by {@link #close()}, also when the JVM ends without it.
 */
final class Cluster implements AutoCloseable {

    static final int NODES = 3;
    static final int BALANCER_PORT = 18443;
    static final String BALANCER = "https://localhost:" + BALANCER_PORT;
    /** The shared database's port: its own server, apart from the ITs' database (15432, 13306). */
    static final int DATABASE_PORT = 15433;
    /**
     * {@code postgres} (the default) or {@code mariadb}: the database the nodes share, from the failsafe execution
     * ({@code b2bpack.cluster.database}), so the same test proves JDBC_PING, the outbox claims and the SMS stores on both.
     */
    static final String DATABASE = System.getProperty("b2bpack.cluster.database", "postgres");

    /**
     * Webhook options the cluster test changes from the ITs' ({@code server-options/webhook-event-listener.properties}):
     * retried every 2 s for up to 100 attempts, so deliveries outlast a receiver kept down on purpose (the ITs'
     * 10 attempts over ~16 s would discard them).
     */
    static final Map<String, String> OVERRIDES = Map.of(
            "spi-events-listener--webhooks--max-attempts", "100",
            "spi-events-listener--webhooks--retry-schedule", "2s",
            // The receiver stays down longer than the ITs' 30 s disable-after: the webhook must not be auto-disabled.
            "spi-events-listener--webhooks--disable-after", "1h",
            // The strength endpoint's per-IP limit (40 per 10 s in the ITs) would count the policy checks that all
            // come from 127.0.0.1 here; the cluster test asserts verdicts, not that limit.
            "spi-realm-restapi-extension--password-strength--rate-limit", "1000");

    private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-cluster");
    private final List<KeycloakNode> nodes = new ArrayList<>();
    private TestDatabase database;
    private HaproxyBalancer balancer;
    private final Thread cleanup = new Thread(this::close, "stop-cluster");
    private boolean closed;

    static String nodeUrl(int i) {
        return "http://127.0.0.1:" + (18080 + i);
    }

    static String managementUrl(int i) {
        return "http://127.0.0.1:" + (19000 + i);
    }

    static int jgroupsPort(int i) {
        return 7801 + i;
    }

    Path root() {
        return root;
    }

    KeycloakNode node(int i) {
        return nodes.get(i - 1);
    }

    HaproxyBalancer balancer() {
        return balancer;
    }

    /** Every value of {@link PackProviders#serverOptions()} with {@link #OVERRIDES} applied. */
    static Map<String, String> packOptions() {
        Map<String, String> options = new LinkedHashMap<>(PackProviders.serverOptions());
        options.putAll(OVERRIDES);
        return options;
    }

    void start() throws IOException {
        assertPortsFree();
        Runtime.getRuntime().addShutdownHook(cleanup);
        Commands.deleteTree(root);
        Files.createDirectories(root);
        ServerCertificate certificate = ServerCertificate.forLocalhost(root);

        long t0 = System.nanoTime();
        database = switch (DATABASE) {
            case "postgres" -> new LocalPostgres(DATABASE_PORT);
            case "mariadb" -> new LocalMariaDb(DATABASE_PORT);
            default ->
                throw new IllegalArgumentException("b2bpack.cluster.database: postgres or mariadb, not " + DATABASE);
        };
        database.start(null);

        KeycloakNode first = KeycloakNode.install(root.resolve("node1"), readiness(1));
        List<String> providers = new ArrayList<>();
        PackProviders.MODULES.forEach(m -> providers.add(PackServerConfig.GROUP_ID + ":" + m));
        providers.addAll(PackServerConfig.EXTRA_DEPENDENCIES);
        first.addProviders(providers);
        first.build(List.of(
                "--db=" + database.serverConfig().get("db"), "--health-enabled=true", "--metrics-enabled=true"));
        nodes.add(first);
        for (int i = 2; i <= NODES; i++) {
            nodes.add(first.copyTo(root.resolve("node" + i), readiness(i)));
        }
        log("built node 1 and copied it to nodes 2-3 in %d ms", (System.nanoTime() - t0) / 1_000_000);

        for (int i = 1; i <= NODES; i++) {
            long t = System.nanoTime();
            startNode(i);
            log("node %d started in %d ms", i, (System.nanoTime() - t) / 1_000_000);
        }
        awaitClusterView(NODES, Duration.ofSeconds(90));

        List<HaproxyBalancer.Backend> backends = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            backends.add(new HaproxyBalancer.Backend("node" + i, 18080 + i, 19000 + i));
        }
        balancer = new HaproxyBalancer(root, certificate.combinedPem(root), BALANCER_PORT, backends);
        balancer.start();
        awaitBalancerServes(Duration.ofSeconds(30));
        log("cluster of %d nodes up behind the balancer in %d ms", NODES, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String readiness(int i) {
        return nodeUrl(i) + "/realms/master";
    }

    /** The runtime options of node {@code i}. */
    List<String> runtimeOptions(int i) {
        List<String> options = new ArrayList<>();
        database.serverConfig().forEach((k, v) -> {
            if (!k.equals("db")) {
                options.add("--" + k + "=" + v);
            }
        });
        packOptions().forEach((k, v) -> options.add("--" + k + "=" + v));
        options.addAll(List.of(
                "--cache=ispn",
                "--db-pool-max-size=40",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + (18080 + i),
                "--http-management-port=" + (19000 + i),
                "--hostname=" + BALANCER,
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=127.0.0.1",
                // A graceful stop first turns readiness off for 2 s, so the balancer stops sending new requests
                // before the node stops taking them; requests in flight then get 10 s to finish.
                "--shutdown-delay=2s",
                "--shutdown-timeout=10s"));
        if (i == 1) {
            // Only acts on an empty database: the first start of node 1 creates the admin.
            options.addAll(List.of(
                    "--bootstrap-admin-username=admin",
                    "--bootstrap-admin-password=admin",
                    "--bootstrap-admin-client-id=temp-admin",
                    "--bootstrap-admin-client-secret=mysecret"));
        }
        return options;
    }

    void startNode(int i) throws IOException {
        node(i).start(runtimeOptions(i), jgroupsPort(i));
    }

    /**
     * Waits until the newest cluster view logged by every running node has {@code members} members (Infinispan's
     * {@code ISPN000094}), then until no node logged a rebalance in progress for 2 s: state transfer done, every
     * distributed entry has its owners again.
     */
    void awaitClusterView(int members, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern view =
                Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\)");
        while (true) {
            boolean all = true;
            for (KeycloakNode n : nodes) {
                if (!n.isRunning()) {
                    continue;
                }
                Matcher m = view.matcher(Files.readString(n.console(), StandardCharsets.UTF_8));
                String last = null;
                while (m.find()) {
                    last = m.group(1);
                }
                all &= Integer.toString(members).equals(last);
            }
            if (all) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the nodes did not log a cluster view of " + members + " within " + timeout);
            }
            sleep(250);
        }
        awaitRebalanced(timeout);
    }

    /** Waits until the caches' rebalance after the last view change finished on the coordinator (ISPN100010). */
    private void awaitRebalanced(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        long lastSize = -1;
        while (System.nanoTime() < deadline) {
            long size = 0;
            for (KeycloakNode n : nodes) {
                if (n.isRunning()) {
                    size += Files.size(n.console());
                }
            }
            if (size != lastSize) {
                lastSize = size;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                return; // no node logged anything for 3 s: no rebalance is in progress
            }
            sleep(250);
        }
    }

    /** Waits until the balancer has every node in service (each answered its health checks twice). */
    void awaitBalancerServes(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(BALANCER + "/realms/master"))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    sleep(1500); // rise 2 × inter 500 ms: every ready node is in service by now
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the balancer did not serve " + BALANCER + " within " + timeout);
    }

    /** True when node {@code i}'s management interface answers {@code /health/ready} with 200. */
    static boolean ready(int i) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            return http.send(
                                    HttpRequest.newBuilder(URI.create(managementUrl(i) + "/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The sum of a metric's samples on node {@code i} whose line contains every one of {@code labels}. */
    static double metric(int i, String name, String... labels) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(managementUrl(i) + "/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            for (String line : body.split("\n")) {
                if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                    continue;
                }
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Fails fast, naming the port, when something (a leftover run) already listens on a port of the cluster. */
    private static void assertPortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(BALANCER_PORT, DATABASE_PORT));
        for (int i = 1; i <= NODES; i++) {
            ports.addAll(List.of(18080 + i, 19000 + i, jgroupsPort(i)));
        }
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                throw new IllegalStateException("port " + port + " of the cluster test is in use (a leftover run?)");
            } catch (IOException free) {
                // nothing listens: good
            }
        }
    }

    /** Stops the balancer, every node and the database, keeps the nodes' and the balancer's logs, removes the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (balancer != null) {
                balancer.close();
            }
            for (KeycloakNode n : nodes) {
                n.stop();
            }
            if (database != null) {
                database.stop();
            }
            keepLogs();
        } finally {
            Commands.deleteTree(root);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // called from the hook itself
            }
        }
    }

    /** Copies the consoles and the balancer's log to {@code b2bpack.it.log.dir} (target/keycloak-logs), if set. */
    private void keepLogs() {
        String dir = System.getProperty("b2bpack.it.log.dir");
        if (dir == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(Path.of(dir));
            for (int i = 1; i <= nodes.size(); i++) {
                Path console = node(i).console();
                if (Files.exists(console)) {
                    Files.copy(
                            console,
                            target.resolve("cluster-" + DATABASE + "-node" + i + ".log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (balancer != null && Files.exists(balancer.log())) {
                Files.copy(
                        balancer.log(),
                        target.resolve("cluster-" + DATABASE + "-haproxy.log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("[ClusterIT] could not keep the logs: " + e);
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[ClusterIT " + DATABASE + "] " + String.format(format, args));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
