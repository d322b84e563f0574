package io.github.b2bpack.it.outbox;

import io.github.b2bpack.it.outbox.OutboxRows.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The data {@link QueryPlanIT} plans against: 100,000 deliveries and 1,500 organizations, the same every run. */
final class PlanFixtures {

    static final int ROWS = 100_000;
    static final int ORGANIZATIONS = 1_500;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private PlanFixtures() {}

    /**
     * A steady state: 85% completed over the last 25 hours (the purge takes the oldest hour), 6% discarded and 2%
     * cancelled over 31 days, 5% retryable (a few due), 1% available (due), 1% executing (a tenth of the claims
     * expired). Realm 0 has 40% of the rows, the 9 others 6.7% each; 4 webhooks per realm.
     */
    static List<Row> deliveries(long now) {
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int realm = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(9);
            String webhook = String.format("wh-%02d", realm * 4 + random.nextInt(4));
            String id = String.format("msg_%09d", i);
            int kind = random.nextInt(100);
            Row row;
            if (kind < 85) {
                long created = now - (long) (random.nextDouble() * 25 * HOUR);
                row = new Row(
                        id,
                        "realm-" + realm,
                        webhook,
                        "completed",
                        1,
                        created,
                        null,
                        null,
                        created,
                        created,
                        created,
                        created + 1_000);
            } else if (kind < 93) {
                long created = now - (long) (random.nextDouble() * 31 * DAY);
                row = new Row(
                        id,
                        "realm-" + realm,
                        webhook,
                        kind < 91 ? "discarded" : "cancelled",
                        5,
                        created,
                        null,
                        null,
                        created,
                        created,
                        created + 10 * HOUR,
                        created + 10 * HOUR);
            } else if (kind < 98) {
                long created = now - (long) (random.nextDouble() * 10 * HOUR);
                long next = now - 60_000 + (long) (random.nextDouble() * 10 * HOUR);
                row = new Row(
                        id,
                        "realm-" + realm,
                        webhook,
                        "retryable",
                        1 + random.nextInt(4),
                        next,
                        null,
                        null,
                        created,
                        created,
                        created,
                        null);
            } else if (kind < 99) {
                long created = now - random.nextInt(5_000);
                row = new Row(
                        id, "realm-" + realm, webhook, "available", 0, created, null, null, created, null, null, null);
            } else {
                long created = now - random.nextInt(60_000);
                long until = random.nextInt(10) == 0 ? now - 1_000 : now + 30_000;
                row = new Row(
                        id,
                        "realm-" + realm,
                        webhook,
                        "executing",
                        1,
                        created,
                        "claim-" + i,
                        until,
                        created,
                        created,
                        created,
                        null);
            }
            rows.add(row);
        }
        return rows;
    }

    static void insertOrganizations(Connection c, long now) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement org = c.prepareStatement("INSERT INTO B2B_ORG (ID, NAME, CREATED_AT, UPDATED_AT,"
                        + " PRODUCTION_UP, SANDBOX_UP) VALUES (?, ?, ?, ?, TRUE, TRUE)");
                PreparedStatement domain = c.prepareStatement(
                        "INSERT INTO B2B_ORG_EMAIL_DOMAIN (DOMAIN, ORG_ID, SORT_ORDER, STATUS) VALUES (?, ?, 0, ?)")) {
            for (int i = 0; i < ORGANIZATIONS; i++) {
                String id = String.format("org-%05d", i);
                long created = now - (long) i * HOUR;
                org.setString(1, id);
                org.setString(2, "Organization " + i);
                org.setLong(3, created);
                org.setLong(4, created);
                org.addBatch();
                domain.setString(1, id + ".example.com");
                domain.setString(2, id);
                domain.setString(3, "verified");
                domain.addBatch();
            }
            org.executeBatch();
            domain.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
