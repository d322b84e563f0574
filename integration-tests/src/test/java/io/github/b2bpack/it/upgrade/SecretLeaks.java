package io.github.b2bpack.it.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Where a secret handed to Keycloak must not show: its console output and the machine's process list. */
final class SecretLeaks {

    private SecretLeaks() {}

    /**
     * The secrets found in the console of the Keycloak in {@code home} or in the full command lines of its processes
     * ({@code ps -eww -o args}, the lines naming its home folder), which must be listed. Other processes are left
     * out: the ITs' own server, running beside it in the same test JVM's run, is handed the same test-only secrets on
     * its command line on purpose.
     */
    static List<String> find(Path home, Collection<String> secrets) throws IOException, InterruptedException {
        String log = Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
        Process ps = new ProcessBuilder("ps", "-eww", "-o", "args")
                .redirectErrorStream(true)
                .start();
        String all = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String folder = home.toAbsolutePath().toString();
        String processes = String.join(
                "\n", all.lines().filter(line -> line.contains(folder)).toList());
        if (ps.waitFor() != 0 || processes.isEmpty()) {
            throw new IllegalStateException("ps listed no process of the Keycloak in " + folder);
        }
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            // Name the place, never the value: a failing run's report must not print the secret either.
            if (log.contains(secret)) {
                leaks.add("console: secret of " + secret.length() + " chars");
            }
            if (processes.contains(secret)) {
                leaks.add("ps: secret of " + secret.length() + " chars");
            }
        }
        return leaks;
    }
}
