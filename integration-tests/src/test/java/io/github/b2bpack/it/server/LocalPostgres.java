package io.github.b2bpack.it.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** {@code configuration} is ignored: the pack's tests use no init script and one database name. */
    @Override
    public void start(DatabaseConfiguration configuration) {
        try {
            dir = Files.createTempDirectory("b2bpack-postgres");
            // A test JVM that dies without closing the framework still leaves no database behind.
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-local-postgres"));
            if (Commands.runningAsRoot()) {
                // initdb refuses to run as root, so the cluster belongs to the postgres user of Debian's package.
                Commands.run(dir, 10, "chown", "postgres", dir.toString());
            }
            String data = dir.resolve("data").toString();
            tool("initdb", 120, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale");
            // fsync off: the cluster lives for one test run, and a machine crash loses the run anyway.
            String serverOptions =
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
            String log = dir.resolve("postgres.log").toString();
            tool("pg_ctl", 60, "-D", data, "-o", serverOptions, "-l", log, "-w", "start");
            tool("createdb", 30, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", DATABASE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the PostgreSQL directory", e);
        }
    }

    /** Runs one of PostgreSQL's programs as the postgres user (when this JVM is root). */
    private void tool(String name, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve(name).toString()));
        command.addAll(List.of(args));
        Commands.run(dir, timeoutSeconds, Commands.asUser("postgres", command.toArray(String[]::new)));
    }

    /** Runs a plain-SQL dump (gzipped, as {@code pg_dump | gzip} writes it) into the database; any error fails. */
    public void restore(Path sqlGz) {
        Path sql = dir.resolve("restore.sql");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(sqlGz))) {
            Files.copy(in, sql, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // psql runs as the postgres user when this JVM is root: it must be able to read the file.
            sql.toFile().setReadable(true, false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the dump " + sqlGz, e);
        }
        tool(
                "psql",
                300,
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                DATABASE,
                "-f",
                sql.toString());
    }

    /** The rows of a query, one line each, columns separated by {@code |} (psql's unaligned output). */
    public List<String> query(String sql) {
        String out = Commands.run(
                dir,
                60,
                Commands.asUser(
                        "postgres",
                        bin.resolve("psql").toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-At",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-d",
                        DATABASE,
                        "-c",
                        sql));
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public synchronized void stop() {
        if (dir == null) {
            return;
        }
        try {
            tool("pg_ctl", 60, "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
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
