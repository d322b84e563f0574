package io.github.b2bpack.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Counters of the tests' PostgreSQL database ({@code pg_stat_database}: commits, rows inserted and updated), read
 * with {@code psql} over loopback, so a benchmark can say how many transactions and row writes one unit of work
 * cost; and whether the cluster runs with {@code fsync}. A value of -1 means it could not be read (another database,
 * no {@code psql}).
 */
public record PostgresStats(long commits, long inserted, long updated, long fetched) {

    private static final int PORT = Integer.getInteger("b2bpack.it.postgres.port", 15432);

    /** The counters now (the statistics collector publishes them with up to ~0.5 s delay). */
    public static PostgresStats read() {
        String row = query("select xact_commit, tup_inserted, tup_updated, tup_fetched from pg_stat_database"
                + " where datname = 'keycloak'");
        String[] f = row.split("\\|");
        if (f.length != 4) {
            return new PostgresStats(-1, -1, -1, -1);
        }
        return new PostgresStats(
                Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    /** {@code on} or {@code off}, as the server runs. */
    public static String fsync() {
        return query("show fsync");
    }

    public PostgresStats minus(PostgresStats earlier) {
        return new PostgresStats(
                commits - earlier.commits,
                inserted - earlier.inserted,
                updated - earlier.updated,
                fetched - earlier.fetched);
    }

    private static String query(String sql) {
        try {
            Process p = new ProcessBuilder(
                            "psql",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(PORT),
                            "-U",
                            "postgres",
                            "-d",
                            "keycloak",
                            "-At",
                            "-c",
                            sql)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
