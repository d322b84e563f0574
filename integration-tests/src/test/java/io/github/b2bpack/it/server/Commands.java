package io.github.b2bpack.it.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the database and Keycloak command-line tools the test servers are made of, failing loudly. */
public final class Commands {

    private Commands() {}

    /** True when this JVM runs as root (CI), where PostgreSQL's tools must run as the postgres user. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command to its end and answers its output; a non-zero exit or a timeout is an error with the output. */
    static String run(Path workDir, long timeoutSeconds, String... command) {
        return run(workDir, timeoutSeconds, List.of(command));
    }

    static String run(Path workDir, long timeoutSeconds, List<String> command) {
        try {
            Path output = Files.createTempFile("b2bpack-cmd", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!ended) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (!ended || process.exitValue() != 0) {
                    throw new IllegalStateException(
                            (ended ? "exit " + process.exitValue() : "timed out after " + timeoutSeconds + " s") + ": "
                                    + String.join(" ", command) + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** The command prefixed so that it runs as {@code user} when this JVM is root, unchanged otherwise. */
    static List<String> asUser(String user, String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** The first existing executable among the candidates, or an error naming the Debian package to install. */
    static Path executable(String debianPackage, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException("none of " + String.join(", ", candidates) + " exists: install it with"
                + " `apt-get install -y " + debianPackage + "` (.ci/run does) to run the integration tests");
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }
}
