package io.github.b2bpack.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server log file ({@link PackServerConfig#SERVER_LOG}) for tests that assert what was, or was not,
 * logged. A missing or empty file fails the test: "no secret in the log" must not pass because there was
 * no log. With {@code -Pdocker} the server runs in a container whose log is not on this machine, so the
 * calling test is skipped with that reason instead.
 */
public final class ServerLog {

    private ServerLog() {}

    /** True when the tests drive a server elsewhere ({@code -Pdocker}: {@code kc.test.server=remote}). */
    public static boolean isRemote() {
        return "remote".equals(System.getProperty("kc.test.server"));
    }

    /** The log file; skips the calling test in remote mode, fails if the file is missing or empty. */
    public static Path path() throws IOException {
        assumeFalse(isRemote(), "the server runs in a container (-Pdocker): its log file is not on this machine");
        Path log = Path.of(PackServerConfig.SERVER_LOG);
        assertTrue(Files.isRegularFile(log), "server log " + log + " is missing: a log check would pass for nothing");
        assertFalse(Files.size(log) == 0, "server log " + log + " is empty: a log check would pass for nothing");
        return log;
    }

    public static String read() throws IOException {
        return Files.readString(path(), StandardCharsets.UTF_8);
    }

    public static List<String> lines() throws IOException {
        return Files.readAllLines(path(), StandardCharsets.UTF_8);
    }
}
