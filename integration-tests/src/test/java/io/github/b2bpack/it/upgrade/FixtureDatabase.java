package io.github.b2bpack.it.upgrade;

import io.github.b2bpack.it.server.LocalMariaDb;
import io.github.b2bpack.it.server.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.keycloak.testframework.database.TestDatabase;

/**
 * A fresh database server of the upgrade test, filled from the fixture's dump: a {@link LocalPostgres} or a
 * {@link LocalMariaDb} on a port of its own (beside the ITs' databases), read back through its own client.
 */
final class FixtureDatabase {

    private final String kind;
    private final TestDatabase server;
    private final Consumer<Path> restore;
    private final Function<String, List<String>> query;
    private final String tablesQuery;
    private final String rowsQuery;

    private FixtureDatabase(
            String kind,
            TestDatabase server,
            Consumer<Path> restore,
            Function<String, List<String>> query,
            String tablesQuery,
            String rowsQuery) {
        this.kind = kind;
        this.server = server;
        this.restore = restore;
        this.query = query;
        this.tablesQuery = tablesQuery;
        this.rowsQuery = rowsQuery;
    }

    /** {@code postgres} (on 15434) or {@code mariadb} (on 13310), named as the fixture files are. */
    static FixtureDatabase of(String kind) {
        if (kind.equals("postgres")) {
            LocalPostgres db = new LocalPostgres(15434);
            return new FixtureDatabase(
                    kind,
                    db,
                    db::restore,
                    db::query,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_name LIKE 'databasechangelog%' AND table_name <> 'databasechangeloglock'",
                    "SELECT id || '|' || author FROM %s");
        }
        if (kind.equals("mariadb")) {
            LocalMariaDb db = new LocalMariaDb(13310);
            return new FixtureDatabase(
                    kind,
                    db,
                    db::restore,
                    db::query,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'keycloak'"
                            + " AND table_name LIKE 'DATABASECHANGELOG%' AND table_name <> 'DATABASECHANGELOGLOCK'",
                    "SELECT CONCAT(ID, '|', AUTHOR) FROM %s");
        }
        throw new IllegalArgumentException(kind);
    }

    String kind() {
        return kind;
    }

    TestDatabase server() {
        return server;
    }

    void startFrom(Path dump) {
        server.start(null);
        restore.accept(dump);
    }

    /**
     * {@code id|author} of every row of every Liquibase changelog table: Keycloak's {@code DATABASECHANGELOG} and the
     * one Keycloak keeps for each custom JPA entity provider ({@code DATABASECHANGELOG_BBPACK_ORG},
     * {@code …_BBPACK_WEB}: named after the provider, so they are found by prefix, not listed here).
     */
    Set<String> changesets() {
        Set<String> rows = new TreeSet<>();
        for (String table : query.apply(tablesQuery)) {
            rows.addAll(query.apply(String.format(rowsQuery, table)));
        }
        return rows;
    }

    /** The rows of {@code sql}, one string each (columns as the database's client prints them). */
    List<String> rows(String sql) {
        return query.apply(sql);
    }

    void stop() {
        server.stop();
    }
}
