package io.github.b2bpack.it.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.testframework.database.DatabaseConfiguration;
import org.keycloak.testframework.database.TestDatabase;

/**
 * A private PostgreSQL cluster from Debian's {@code postgresql} package, on loopback, for one test run: its own
 * data directory under the temp folder, its own port, removed when the run ends. Keycloak reaches it with its own
 * {@code --db=postgres} options; the pack never sees a database setting.
 */
public final class LocalPostgres implements TestDatabase {

    static final int DEFAULT_PORT = Integer.getInteger("b2bpack.it.postgres.port", 15432);
    static final String DATABASE = "keycloak";

    private final int port;

    private final Path bin = Commands.executable(
                    "postgresql",
                    "/usr/lib/postgresql/15/bin/pg_ctl",
                    "/usr/lib/postgresql/16/bin/pg_ctl",
                    "/usr/lib/postgresql/17/bin/pg_ctl")
            .getParent();
    private Path dir;

    /** The tests' database on {@link #DEFAULT_PORT}. */
    LocalPostgres() {
        this(DEFAULT_PORT);
    }

    /** Another cluster on its own port, for a test that runs its own Keycloak nodes beside the tests' server. */
    public LocalPostgres(int port) {
        this.port = port;
    }

    @Override
    public void start(DatabaseConfiguration ignored) {
        // ignored: the framework's database options (init script, name) are not used by the pack's tests.
        try {
            dir = Files.createTempDirectory("b2bpack-postgres");
            // A test JVM that dies without closing the framework still leaves no database behind.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(this::stop, "stop-" + getClass().getSimpleName()));
            if (Commands.runningAsRoot()) {
                // initdb refuses to run as root, so the cluster belongs to the postgres user of Debian's package.
                Commands.run(dir, 10, "chown", "postgres", dir.toString());
            }
            Path data = dir.resolve("data");
            Commands.run(
                    dir,
                    120,
                    Commands.asUser(
                            "postgres",
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-A",
                            "trust",
                            "-U",
                            "postgres",
                            "-E",
                            "UTF8",
                            "--no-locale"));
            // fsync off: the cluster lives for one test run, and a machine crash loses the run anyway.
            Commands.run(
                    dir,
                    60,
                    Commands.asUser(
                            "postgres",
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-o",
                            "-p " + port + " -k " + dir
                                    + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
                            "-l",
                            dir.resolve("postgres.log").toString(),
                            "-w",
                            "start"));
            Commands.run(
                    dir,
                    30,
                    Commands.asUser(
                            "postgres",
                            bin.resolve("createdb").toString(),
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "-U",
                            "postgres",
                            DATABASE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the PostgreSQL directory", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (dir == null) {
            return;
        }
        try {
            Commands.run(
                    dir,
                    60,
                    Commands.asUser(
                            "postgres",
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-m",
                            "fast",
                            "-w",
                            "stop"));
        } finally {
            Commands.deleteTree(dir);
            dir = null;
        }
    }

    @Override
    public Map<String, String> serverConfig() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("db", "postgres");
        options.put("db-url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        options.put("db-username", "postgres");
        options.put("db-password", "postgres");
        return options;
    }
}
