package io.github.b2bpack.it.outbox;

import io.github.b2bpack.it.server.LocalMariaDb;
import io.github.b2bpack.it.server.LocalPostgres;
import io.github.b2bpack.webhook.claim.SqlStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.keycloak.testframework.database.TestDatabase;

/**
 * One database for the outbox tests: a Debian PostgreSQL or MariaDB server of {@code it/server} on a port of its own
 * (the tests' Keycloak may hold the default ports meanwhile), or H2 in memory, with plain JDBC connections. Each
 * connection runs at the database's default isolation, as Keycloak's do (read committed on PostgreSQL and H2,
 * repeatable read on MariaDB).
 */
final class SqlDatabase implements AutoCloseable {

    static final String WEBHOOKS_CHANGELOG = "META-INF/b2bpack-webhooks-changelog.xml";
    static final String ORG_CHANGELOG = "META-INF/b2bpack-org-changelog.xml";

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final TestDatabase server;

    private SqlDatabase(String name, String url, String user, String password, TestDatabase server) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    static SqlDatabase postgres(int port) {
        return started("PostgreSQL", new LocalPostgres(port));
    }

    static SqlDatabase mariaDb(int port) {
        return started("MariaDB", new LocalMariaDb(port));
    }

    static SqlDatabase h2() {
        return new SqlDatabase("H2", "jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1", "sa", "", null);
    }

    private static SqlDatabase started(String name, TestDatabase server) {
        server.start(null);
        Map<String, String> config = server.serverConfig();
        return new SqlDatabase(
                name, config.get("db-url"), config.get("db-username"), config.get("db-password"), server);
    }

    String name() {
        return name;
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Creates the tables as Keycloak does at its start: by running the module's changelog. */
    @SuppressWarnings("deprecation") // Liquibase's facade: the shortest way to run one changelog.
    void migrate(String changelog) throws Exception {
        try (Connection c = open()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
            liquibase.update(new Contexts());
        }
    }

    static PreparedStatement prepare(Connection c, SqlStatement statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        List<Object> values = statement.parameters();
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        return ps;
    }

    static int update(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement)) {
            return ps.executeUpdate();
        }
    }

    /** The first column of every row. */
    static List<String> strings(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
