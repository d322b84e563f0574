package io.github.b2bpack.it.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy from Debian's {@code haproxy} package in front of the cluster, as an operator would run it: TLS ends at
 * the balancer ({@code bind … ssl crt}), plain HTTP to the nodes on loopback, {@code balance roundrobin} without
 * any stickiness, the client address and scheme passed in {@code X-Forwarded-*} headers that the balancer
 * overwrites (a client cannot choose its own address for Keycloak's per-IP limits), each node taken out as soon as
 * its management {@code /health/ready} fails (a node stopping gracefully turns readiness off first), and a request
 * that found a node gone retried on another. Runs in the foreground ({@code -db}) as a child of the test JVM; its
 * request log ({@code option httplog}) is written beside its configuration.
 */
final class HaproxyBalancer implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/sbin/haproxy");

    /** One node behind the balancer: its HTTP port and its management port (health checks). */
    record Backend(String name, int httpPort, int managementPort) {}

    private final Path dir;
    private final Path pem;
    private final int port;
    private final List<Backend> backends;
    private Process process;

    HaproxyBalancer(Path dir, Path pem, int port, List<Backend> backends) {
        this.dir = dir;
        this.pem = pem;
        this.port = port;
        this.backends = List.copyOf(backends);
    }

    Path log() {
        return dir.resolve("haproxy.log");
    }

    String configuration() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("""
                global
                    maxconn 2000
                    log stdout format raw local0 info

                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 30s
                    # A request that found a node gone (refused, closed without an answer) goes to another node.
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout

                frontend keycloak
                """);
        cfg.append("    bind 127.0.0.1:")
                .append(port)
                .append(" ssl crt ")
                .append(pem)
                .append('\n');
        cfg.append("""
                    # Overwritten, never appended: the address Keycloak sees (per-IP SMS and strength limits) is the
                    # address the balancer received the connection from.
                    http-request set-header X-Forwarded-For %[src]
                    http-request set-header X-Forwarded-Proto https
                """);
        cfg.append("    http-request set-header X-Forwarded-Port ").append(port).append('\n');
        cfg.append("    http-request set-header X-Forwarded-Host localhost:")
                .append(port)
                .append('\n');
        cfg.append("""
                    default_backend nodes

                backend nodes
                    # Round robin, no stickiness: Keycloak keeps authentication sessions in its distributed
                    # Infinispan caches, so any node can serve any request (stickiness would only save remote
                    # cache reads).
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 1 rise 2
                """);
        for (Backend b : backends) {
            cfg.append("    server ")
                    .append(b.name())
                    .append(" 127.0.0.1:")
                    .append(b.httpPort())
                    .append(" check port ")
                    .append(b.managementPort())
                    .append('\n');
        }
        return cfg.toString();
    }

    void start() throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install it with `apt-get install -y haproxy`"
                    + " (.ci/run does) to run the cluster test");
        }
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, configuration(), StandardCharsets.UTF_8);
        run(EXECUTABLE.toString(), "-c", "-q", "-f", cfg.toString());
        process = new ProcessBuilder(EXECUTABLE.toString(), "-db", "-f", cfg.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "haproxy exited with " + process.exitValue() + ":\n" + Files.readString(log()));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        close();
        throw new IllegalStateException(
                "haproxy did not listen on 127.0.0.1:" + port + " within 20 s:\n" + Files.readString(log()));
    }

    /** How many requests of the log lines written so far each node served (server name → count). */
    java.util.Map<String, Integer> servedByNode(long fromLine) throws IOException {
        java.util.Map<String, Integer> served = new java.util.TreeMap<>();
        List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
        for (String line : lines.subList((int) Math.min(fromLine, lines.size()), lines.size())) {
            for (Backend b : backends) {
                if (line.contains(" nodes/" + b.name() + " ")) {
                    served.merge(b.name(), 1, Integer::sum);
                }
            }
        }
        return served;
    }

    long logLines() throws IOException {
        return Files.exists(log())
                ? Files.readAllLines(log(), StandardCharsets.UTF_8).size()
                : 0;
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void run(String... command) throws IOException {
        Process check = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
