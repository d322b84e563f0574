package io.github.b2bpack.it.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code B2BPACK_WEBHOOK_DELIVERY} written and read back by the outbox tests, in plain JDBC. */
final class OutboxRows {

    /** The columns a claim reads or writes, plus what identifies a row; the payload is a short constant. */
    record Row(
            String id,
            String realmId,
            String webhookId,
            String state,
            int attempts,
            long nextAttemptAt,
            String claimToken,
            Long claimedUntil,
            long createdAt,
            Long firstAttemptAt,
            Long lastAttemptAt,
            Long finishedAt) {

        /** Everything but the claim token, which is random: two runs of the same claims give equal snapshots. */
        String withoutToken() {
            return String.join(
                    "|",
                    id,
                    realmId,
                    webhookId,
                    state,
                    Integer.toString(attempts),
                    Long.toString(nextAttemptAt),
                    String.valueOf(claimedUntil),
                    Long.toString(createdAt),
                    String.valueOf(firstAttemptAt),
                    String.valueOf(lastAttemptAt),
                    String.valueOf(finishedAt));
        }
    }

    private static final String COLUMNS = "ID, REALM_ID, WEBHOOK_ID, STATE, ATTEMPTS, NEXT_ATTEMPT_AT, CLAIM_TOKEN,"
            + " CLAIMED_UNTIL, CREATED_AT, FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT, FINISHED_AT";

    private OutboxRows() {}

    static void insert(Connection c, List<Row> rows) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO B2BPACK_WEBHOOK_DELIVERY (" + COLUMNS
                + ", EVENT_CODE, PAYLOAD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user.login.success', ?)")) {
            int batched = 0;
            for (Row r : rows) {
                ps.setString(1, r.id());
                ps.setString(2, r.realmId());
                ps.setString(3, r.webhookId());
                ps.setString(4, r.state());
                ps.setInt(5, r.attempts());
                ps.setLong(6, r.nextAttemptAt());
                ps.setString(7, r.claimToken());
                setLong(ps, 8, r.claimedUntil());
                ps.setLong(9, r.createdAt());
                setLong(ps, 10, r.firstAttemptAt());
                setLong(ps, 11, r.lastAttemptAt());
                setLong(ps, 12, r.finishedAt());
                ps.setString(13, "{\"type\":\"user.login.success\",\"id\":\"" + r.id() + "\"}");
                ps.addBatch();
                if (++batched % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static List<Row> all(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM B2BPACK_WEBHOOK_DELIVERY ORDER BY ID");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getString(7),
                        getLong(rs, 8),
                        rs.getLong(9),
                        getLong(rs, 10),
                        getLong(rs, 11),
                        getLong(rs, 12)));
            }
        }
        return rows;
    }

    static void deleteAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM B2BPACK_WEBHOOK_DELIVERY")) {
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }
}
