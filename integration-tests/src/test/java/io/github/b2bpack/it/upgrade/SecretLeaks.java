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
     * The secrets found in the console of the Keycloak in {@code home} or in {@code ps -eww -o args} (every process,
     * full command lines), which must list that Keycloak (its home folder is in its command line).
     */
    static List<String> find(Path home, Collection<String> secrets) throws IOException, InterruptedException {
        String log = Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
        Process ps = new ProcessBuilder("ps", "-eww", "-o", "args")
                .redirectErrorStream(true)
                .start();
        String processes = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ps.waitFor() != 0 || !processes.contains(home.getFileName().toString())) {
            throw new IllegalStateException("ps listed no Keycloak process:\n" + processes);
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
