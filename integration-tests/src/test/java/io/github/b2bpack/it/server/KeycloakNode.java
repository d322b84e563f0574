package io.github.b2bpack.it.server;

import io.quarkus.fs.util.ZipUtils;
import java.io.IOException;
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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keycloak.it.utils.Maven;

/**
 * One Keycloak process in production mode, in its own copy of the official distribution: {@code kc.sh build}, then
 * {@code kc.sh start --optimized} with the given runtime options; stopped gracefully or killed with SIGKILL. The
 * single test server and each node of the cluster test are one of these.
 */
public final class KeycloakNode {

    private static final long START_TIMEOUT_SECONDS = Long.getLong("b2bpack.it.start-timeout", 300);

    private final Path home;
    private final String readinessUrl;
    private Process process;
    /** What the readiness URL last answered, for the error when the node never becomes ready. */
    private volatile String lastAnswer = "no request made";

    /** @param readinessUrl a URL of this node that answers 200 once it serves requests (for example its master realm) */
    public KeycloakNode(Path home, String readinessUrl) {
        this.home = home;
        this.readinessUrl = readinessUrl;
    }

    /** Unpacks the distribution afresh into {@code home} (its parent folder is emptied first). */
    public static KeycloakNode install(Path home, String readinessUrl) throws IOException {
        Commands.deleteTree(home);
        Files.createDirectories(home.getParent());
        Path zip = Maven.resolveArtifact("org.keycloak", "keycloak-quarkus-dist");
        Path unpacked = Files.createTempDirectory(home.getParent(), "unzip");
        ZipUtils.unzip(zip, unpacked);
        Files.move(unpacked.resolve("keycloak-26.7.3"), home);
        Commands.deleteTree(unpacked);
        if (!home.resolve("bin/kc.sh").toFile().setExecutable(true)) {
            throw new IllegalStateException("the distribution " + zip + " did not unpack to " + home);
        }
        return new KeycloakNode(home, readinessUrl);
    }

    /** A node in a copy of this built installation (without its data folder), so it starts without building again. */
    public KeycloakNode copyTo(Path otherHome, String otherReadinessUrl) {
        Commands.deleteTree(otherHome);
        Commands.run(home.getParent(), 120, "cp", "-a", home.toString(), otherHome.toString());
        Commands.deleteTree(otherHome.resolve("data"));
        return new KeycloakNode(otherHome, otherReadinessUrl);
    }

    public Path home() {
        return home;
    }

    /** Copies provider jars, named {@code group__artifact.jar} like the test framework names them. */
    public void addProviders(Collection<String> groupArtifacts) throws IOException {
        for (String ga : groupArtifacts) {
            String[] parts = ga.split(":");
            Path jar = Maven.resolveArtifact(parts[0], parts[1]);
            Files.copy(
                    jar,
                    home.resolve("providers").resolve(parts[0] + "__" + parts[1] + ".jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public void build(List<String> buildOptions) {
        List<String> command = new ArrayList<>(List.of("env", "JAVA_OPTS_APPEND=" + javaOptions(7800)));
        command.addAll(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        Commands.run(home.resolve("bin"), START_TIMEOUT_SECONDS, command);
    }

    /** Starts {@code kc.sh start --optimized} and waits until the node answers; JGroups binds loopback on {@code jgroupsPort}. */
    public void start(List<String> runtimeOptions, int jgroupsPort) throws IOException {
        start(runtimeOptions, java.util.Map.of(), jgroupsPort);
    }

    /**
     * As {@link #start(List, int)}, with environment variables added to the process's: how operators hand Keycloak
     * secrets ({@code KC_…}) without putting them on the command line.
     */
    public void start(List<String> runtimeOptions, java.util.Map<String, String> environment, int jgroupsPort)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(runtimeOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.resolve("bin").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile()));
        builder.environment().put("JAVA_OPTS_APPEND", javaOptions(jgroupsPort));
        builder.environment().putAll(environment);
        long offset = Files.exists(console()) ? Files.size(console()) : 0;
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + home.getFileName()));
        awaitStarted(offset);
    }

    /** JGroups on loopback: the cluster (JDBC_PING over the shared database) stays on this machine. */
    private static String javaOptions(int jgroupsPort) {
        return "-Djgroups.bind.address=127.0.0.1 -Djgroups.bind.port=" + jgroupsPort
                + " -Djava.net.preferIPv4Stack=true";
    }

    public Path console() {
        return home.resolve("console.log");
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void awaitStarted(long consoleOffset) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak in " + home + " exited with " + process.exitValue() + ":\n" + tail());
            }
            String log = Files.readString(console(), StandardCharsets.UTF_8);
            if (log.length() > consoleOffset
                    && log.substring((int) consoleOffset).contains(" started in ")
                    && answers(http)) {
                return;
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak in " + home + " did not start within " + START_TIMEOUT_SECONDS
                + " s (" + readinessUrl + ": " + lastAnswer + "):\n" + tail());
    }

    private boolean answers(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(readinessUrl))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            lastAnswer = "HTTP " + response.statusCode();
            return response.statusCode() == 200;
        } catch (IOException e) {
            lastAnswer = e.toString();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(console(), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** A graceful stop (SIGTERM), as a rolling restart does it. */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL: the node dies mid-work, as on a crash or an OOM kill. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        try {
            for (ProcessHandle handle : all) {
                handle.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
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
