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
 * A private MariaDB server from Debian's {@code mariadb-server} package, on loopback, for one test run: its own
 * data directory under the temp folder, its own port and socket, removed when the run ends.
 */
public final class LocalMariaDb implements TestDatabase {

    static final int DEFAULT_PORT = Integer.getInteger("b2bpack.it.mariadb.port", 13306);
    static final String DATABASE = "keycloak";
    private static final String USER = "keycloak";
    private static final String PASSWORD = "keycloak-it";

    private final Path installDb =
            Commands.executable("mariadb-server", "/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
    private final Path server = Commands.executable("mariadb-server", "/usr/sbin/mariadbd", "/usr/sbin/mysqld");
    private final Path client = Commands.executable("mariadb-client", "/usr/bin/mariadb", "/usr/bin/mysql");
    private final int port;
    private Path dir;
    private Process process;

    /** The tests' database on {@link #DEFAULT_PORT}. */
    LocalMariaDb() {
        this(DEFAULT_PORT);
    }

    /** Another server on its own port, for a test that runs its own Keycloak nodes beside the tests' server. */
    public LocalMariaDb(int port) {
        this.port = port;
    }

    @Override
    public void start(DatabaseConfiguration ignored) {
        try {
            dir = Files.createTempDirectory("b2bpack-mariadb");
            // A test JVM that dies without closing the framework still leaves no database behind.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(this::stop, "stop-" + getClass().getSimpleName()));
            String user = System.getProperty("user.name");
            Commands.run(
                    dir,
                    120,
                    installDb.toString(),
                    "--no-defaults",
                    "--datadir=" + dir.resolve("data"),
                    "--user=" + user,
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db");
            List<String> command = new ArrayList<>(List.of(
                    server.toString(),
                    "--no-defaults",
                    "--datadir=" + dir.resolve("data"),
                    "--port=" + port,
                    "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("mariadb.sock"),
                    "--pid-file=" + dir.resolve("mariadb.pid"),
                    "--user=" + user,
                    "--skip-log-bin",
                    // Durable at commit in the server's memory only: the server lives for one test run.
                    "--innodb-flush-log-at-trx-commit=2",
                    "--max-connections=300"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mariadb.log").toFile())
                    .start();
            awaitReady();
            sql("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                    + " GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'%';");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start MariaDB", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                sql("SELECT 1");
                return;
            } catch (IllegalStateException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("mariadb.log"), notYet);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void sql(String statements) {
        Commands.run(
                dir,
                30,
                client.toString(),
                "--no-defaults",
                "-h",
                "127.0.0.1",
                "-P",
                Integer.toString(port),
                "-u",
                "root",
                "-e",
                statements);
    }

    /** Runs a gzipped dump (as {@code mariadb-dump | gzip} writes it) into the database; any error fails. */
    public void restore(Path sqlGz) {
        Path sql = dir.resolve("restore.sql");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(sqlGz))) {
            Files.copy(in, sql, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the dump " + sqlGz, e);
        }
        sqlIn(DATABASE, 300, "source " + sql);
    }

    /** The rows of a query, one line each, columns separated by tabs (the client's batch output). */
    public List<String> query(String sql) {
        return sqlIn(DATABASE, 60, sql).lines().filter(l -> !l.isBlank()).toList();
    }

    private String sqlIn(String database, long timeoutSeconds, String statements) {
        return Commands.run(
                dir,
                timeoutSeconds,
                client.toString(),
                "--no-defaults",
                "-h",
                "127.0.0.1",
                "-P",
                Integer.toString(port),
                "-u",
                "root",
                "-N",
                "-B",
                "-D",
                database,
                "-e",
                statements);
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (dir != null) {
            Commands.deleteTree(dir);
            dir = null;
        }
    }

    @Override
    public Map<String, String> serverConfig() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("db", "mariadb");
        options.put("db-url", "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE);
        options.put("db-username", USER);
        options.put("db-password", PASSWORD);
        return options;
    }
}
