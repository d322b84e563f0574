package io.github.b2bpack.it.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.webhook.claim.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of one statement, as text for the docs and as JSON for the checks.
 * The statement really runs, inside a transaction that is rolled back, so writes leave the table as it was.
 */
final class QueryPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement's plan: its text and the tables it read with a sequential scan. */
    record Plan(String name, String sql, String text, List<String> seqScans, double executionMillis) {}

    private QueryPlans() {}

    /**
     * @param setup statements run first in the same transaction, e.g. {@code DROP INDEX} to show the plan an index
     *              replaced (PostgreSQL's DDL is transactional: the rollback brings the index back)
     */
    static Plan explain(Connection c, String name, SqlStatement statement, String... setup) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            run(c, setup);
            JsonNode json = JSON.readTree(single(c, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ", statement))
                    .get(0);
            c.rollback();
            run(c, setup);
            String text = single(c, "EXPLAIN (ANALYZE, BUFFERS) ", statement);
            c.rollback();
            List<String> seqScans = new ArrayList<>();
            collectSeqScans(json.get("Plan"), seqScans);
            return new Plan(
                    name,
                    statement.sql(),
                    text,
                    seqScans,
                    json.get("Execution Time").asDouble());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan of " + name, e);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static void run(Connection c, String... statements) throws SQLException {
        for (String sql : statements) {
            try (var s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    /** Every row of the result, one line each (a text plan is one row per line). */
    private static String single(Connection c, String prefix, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps =
                SqlDatabase.prepare(c, new SqlStatement(prefix + statement.sql(), statement.parameters()))) {
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
                return out.toString();
            }
        }
    }

    private static void collectSeqScans(JsonNode node, List<String> tables) {
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            tables.add(node.path("Relation Name").asText().toLowerCase(Locale.ROOT));
        }
        for (JsonNode child : node.path("Plans")) {
            collectSeqScans(child, tables);
        }
    }
}
