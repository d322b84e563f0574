package io.github.b2bpack.it.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.webhook.claim.ClaimSql;
import io.github.b2bpack.webhook.claim.ClaimStrategy;
import io.github.b2bpack.webhook.claim.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL picks for the outbox's hot paths with 100,000 delivery rows (mixed states, 10 realms, 40
 * webhooks, the mix of a steady state: most rows completed, a few due) and for the organization list with 1,500
 * organizations: no plan reads the delivery table with a sequential scan. The claim's statements come from
 * {@link ClaimSql}; the others are the SQL Hibernate writes for the JPQL of {@code OutboxStore},
 * {@code DeliveryHistory} and {@code OrganizationStore}. Every plan is printed and written, with its timing, to
 * {@code integration-tests/target/query-plans/postgres.txt} (docs/production.md, "Schema, indexes and query plans").
 */
class QueryPlanIT {

    private static final int POSTGRES_PORT = Integer.getInteger("b2bpack.it.outbox.postgres.port", 15442);
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 24 * 3_600_000L;
    private static final String DELIVERY = "b2bpack_webhook_delivery";
    private static final String COLUMNS = "ID, REALM_ID, WEBHOOK_ID, EVENT_CODE, STATE, ATTEMPTS, LAST_STATUS,"
            + " LAST_ERROR, CREATED_AT, FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT, NEXT_ATTEMPT_AT, FINISHED_AT, PAYLOAD";

    @Test
    void noHotPathScansTheDeliveryTable() throws Exception {
        try (SqlDatabase db = SqlDatabase.postgres(POSTGRES_PORT);
                Connection c = db.open()) {
            db.migrate(SqlDatabase.WEBHOOKS_CHANGELOG);
            db.migrate(SqlDatabase.ORG_CHANGELOG);
            OutboxRows.insert(c, PlanFixtures.deliveries(NOW));
            PlanFixtures.insertOrganizations(c, NOW);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            List<QueryPlans.Plan> plans = plans(c);
            StringBuilder report = new StringBuilder();
            for (QueryPlans.Plan p : plans) {
                report.append("### ")
                        .append(p.name())
                        .append('\n')
                        .append(p.sql())
                        .append('\n')
                        .append(p.text())
                        .append('\n');
            }
            Path out = Path.of("target", "query-plans", "postgres.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            plans.forEach(p ->
                    System.out.printf("%-55s %8.3f ms  seq scans: %s%n", p.name(), p.executionMillis(), p.seqScans()));
            String scanned = plans.stream()
                    .filter(p -> !p.name().startsWith("before:") && p.seqScans().contains(DELIVERY))
                    .map(QueryPlans.Plan::name)
                    .collect(Collectors.joining(", "));
            assertEquals("", scanned, "plans with a Seq Scan on " + DELIVERY);
        }
    }

    private static List<QueryPlans.Plan> plans(Connection c) throws SQLException {
        List<QueryPlans.Plan> plans = new ArrayList<>();
        SqlStatement due = ClaimSql.UNQUALIFIED.due(ClaimStrategy.SKIP_LOCKED, NOW, 100, Set.of());
        plans.add(QueryPlans.explain(c, "due, skip-locked (batch 100)", due));
        plans.add(QueryPlans.explain(
                c,
                "due, skip-locked, 2 realms at their limit",
                ClaimSql.UNQUALIFIED.due(ClaimStrategy.SKIP_LOCKED, NOW, 100, Set.of("realm-0", "realm-1"))));
        plans.add(QueryPlans.explain(
                c,
                "due, conditional-update",
                ClaimSql.UNQUALIFIED.due(ClaimStrategy.CONDITIONAL_UPDATE, NOW, 100, Set.of())));
        List<String> ids = SqlDatabase.strings(c, due);
        String token = "00000000-0000-0000-0000-000000000001";
        plans.add(QueryPlans.explain(c, "claim (100 rows)", ClaimSql.UNQUALIFIED.claim(ids, token, NOW, NOW + 60_000)));
        plans.add(QueryPlans.explain(
                c,
                "won: read-back by primary key and token",
                ClaimSql.UNQUALIFIED.won(ids, "no-such-token-000000000000000000000")));
        plans.add(QueryPlans.explain(
                c,
                "before: read-back by token alone (JPQL claimToken = :token)",
                new SqlStatement(
                        "SELECT " + COLUMNS + " FROM " + ClaimSql.TABLE + " WHERE CLAIM_TOKEN = ?", List.of(token))));
        plans.add(QueryPlans.explain(
                c,
                "finish (result written under the claim)",
                new SqlStatement(
                        "UPDATE " + ClaimSql.TABLE
                                + " SET STATE = ?, LAST_STATUS = ?, LAST_ERROR = ?, NEXT_ATTEMPT_AT = ?,"
                                + " CLAIM_TOKEN = NULL, CLAIMED_UNTIL = NULL, FINISHED_AT = ?"
                                + " WHERE ID = ? AND CLAIM_TOKEN = ? AND STATE = ?",
                        List.of("completed", 200, "", NOW, NOW, "msg_000000042", "claim-42", "executing"))));
        String page = " ORDER BY CREATED_AT DESC, ID DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
        plans.add(QueryPlans.explain(
                c,
                "events API list, biggest realm, page 1",
                new SqlStatement(
                        "SELECT " + COLUMNS + " FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ?" + page,
                        List.of("realm-0", 0, 20))));
        plans.add(QueryPlans.explain(
                c,
                "events API list, biggest realm, page 50",
                new SqlStatement(
                        "SELECT " + COLUMNS + " FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ?" + page,
                        List.of("realm-0", 980, 20))));
        plans.add(QueryPlans.explain(
                c,
                "events API list, state=discarded",
                new SqlStatement(
                        "SELECT " + COLUMNS + " FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ? AND STATE = ?" + page,
                        List.of("realm-0", "discarded", 0, 20))));
        plans.add(QueryPlans.explain(
                c,
                "before: events API list, state=discarded, without IDX_B2BPACK_WHD_REALM_STATE",
                new SqlStatement(
                        "SELECT " + COLUMNS + " FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ? AND STATE = ?" + page,
                        List.of("realm-0", "discarded", 0, 20)),
                "DROP INDEX IDX_B2BPACK_WHD_REALM_STATE"));
        plans.add(QueryPlans.explain(
                c,
                "events API count, biggest realm",
                new SqlStatement(
                        "SELECT COUNT(*) FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ?", List.of("realm-0"))));
        plans.add(QueryPlans.explain(
                c,
                "events API count, state=discarded",
                new SqlStatement(
                        "SELECT COUNT(*) FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ? AND STATE = ?",
                        List.of("realm-0", "discarded"))));
        plans.add(QueryPlans.explain(
                c,
                "before: events API count, state=discarded, without IDX_B2BPACK_WHD_REALM_STATE",
                new SqlStatement(
                        "SELECT COUNT(*) FROM " + ClaimSql.TABLE + " WHERE REALM_ID = ? AND STATE = ?",
                        List.of("realm-0", "discarded")),
                "DROP INDEX IDX_B2BPACK_WHD_REALM_STATE"));
        plans.add(QueryPlans.explain(
                c,
                "purge completed (retention 24h)",
                new SqlStatement(
                        "DELETE FROM " + ClaimSql.TABLE + " WHERE STATE = ? AND FINISHED_AT < ?",
                        List.of("completed", NOW - DAY))));
        plans.add(QueryPlans.explain(
                c,
                "before: purge completed without IDX_B2BPACK_WHD_FINISHED",
                new SqlStatement(
                        "DELETE FROM " + ClaimSql.TABLE + " WHERE STATE = ? AND FINISHED_AT < ?",
                        List.of("completed", NOW - DAY)),
                "DROP INDEX IDX_B2BPACK_WHD_FINISHED"));
        plans.add(QueryPlans.explain(
                c,
                "purge discarded and cancelled (retention 30d)",
                new SqlStatement(
                        "DELETE FROM " + ClaimSql.TABLE + " WHERE STATE IN (?, ?) AND FINISHED_AT < ?",
                        List.of("discarded", "cancelled", NOW - 30 * DAY))));
        plans.add(QueryPlans.explain(
                c,
                "queue depth gauge",
                new SqlStatement(
                        "SELECT COUNT(*) FROM " + ClaimSql.TABLE + " WHERE STATE IN (?, ?, ?)",
                        List.of("available", "retryable", "executing"))));
        plans.add(QueryPlans.explain(
                c,
                "cancel a deleted webhook's queue",
                new SqlStatement(
                        "UPDATE " + ClaimSql.TABLE + " SET STATE = ?, FINISHED_AT = ?, LAST_ERROR = ?"
                                + " WHERE WEBHOOK_ID = ? AND STATE IN (?, ?)",
                        List.of("cancelled", NOW, "webhook_deleted", "wh-07", "available", "retryable"))));
        plans.add(QueryPlans.explain(
                c,
                "organization list, page 1",
                new SqlStatement(
                        "SELECT ID, NAME, CREATED_AT, UPDATED_AT, PRODUCTION_UP, SANDBOX_UP FROM B2B_ORG"
                                + " ORDER BY CREATED_AT DESC, ID ASC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                        List.of(0, 20))));
        plans.add(QueryPlans.explain(
                c,
                "organization list, page 50",
                new SqlStatement(
                        "SELECT ID, NAME, CREATED_AT, UPDATED_AT, PRODUCTION_UP, SANDBOX_UP FROM B2B_ORG"
                                + " ORDER BY CREATED_AT DESC, ID ASC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                        List.of(980, 20))));
        plans.add(QueryPlans.explain(
                c, "organization count", new SqlStatement("SELECT COUNT(*) FROM B2B_ORG", List.of())));
        List<Object> orgs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orgs.add(String.format("org-%05d", i * 7));
        }
        plans.add(QueryPlans.explain(
                c,
                "organization list, the page's email domains",
                new SqlStatement(
                        "SELECT DOMAIN, ORG_ID, SORT_ORDER, STATUS FROM B2B_ORG_EMAIL_DOMAIN WHERE ORG_ID IN ("
                                + String.join(", ", java.util.Collections.nCopies(orgs.size(), "?"))
                                + ") ORDER BY SORT_ORDER",
                        orgs)));
        return plans;
    }
}
