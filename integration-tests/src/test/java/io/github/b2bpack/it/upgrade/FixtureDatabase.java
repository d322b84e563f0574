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
    private final String changesetQuery;

    private FixtureDatabase(
            String kind,
            TestDatabase server,
            Consumer<Path> restore,
            Function<String, List<String>> query,
            String changesetQuery) {
        this.kind = kind;
        this.server = server;
        this.restore = restore;
        this.query = query;
        this.changesetQuery = changesetQuery;
    }

    /** {@code postgres} (on 15434) or {@code mariadb} (on 13310), named as the fixture files are. */
    static FixtureDatabase of(String kind) {
        if (kind.equals("postgres")) {
            LocalPostgres db = new LocalPostgres(15434);
            return new FixtureDatabase(
                    kind, db, db::restore, db::query, "SELECT id || '|' || author FROM databasechangelog");
        }
        if (kind.equals("mariadb")) {
            LocalMariaDb db = new LocalMariaDb(13310);
            return new FixtureDatabase(
                    kind, db, db::restore, db::query, "SELECT CONCAT(ID, '|', AUTHOR) FROM DATABASECHANGELOG");
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

    /** {@code id|author} of every row of Liquibase's {@code DATABASECHANGELOG}. */
    Set<String> changesets() {
        return new TreeSet<>(query.apply(changesetQuery));
    }

    void stop() {
        server.stop();
    }
}
