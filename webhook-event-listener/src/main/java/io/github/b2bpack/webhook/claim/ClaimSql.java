package io.github.b2bpack.webhook.claim;

import io.github.b2bpack.webhook.retry.DeliveryState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of a claim on {@code B2BPACK_WEBHOOK_DELIVERY}, written once for PostgreSQL, MariaDB and H2 (plain SQL but
 * for {@code FOR UPDATE SKIP LOCKED}, which H2 is never given by {@code auto}).
 *
 * <p>A row is due when it waits ({@code available} or {@code retryable}) and its time came, or when it is
 * {@code executing} under a claim that expired (its node stopped). States are literals, not parameters: they are this
 * class's constants, and the planner then sees which part of the due index a query reads.
 */
public final class ClaimSql {

    public static final String TABLE = "B2BPACK_WEBHOOK_DELIVERY";

    /** A table name, optionally schema-qualified: it is written into the SQL, so nothing else is accepted. */
    private static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");
    /** The statements on {@link #TABLE} in the connection's default schema (after TABLE_NAME: static order). */
    public static final ClaimSql UNQUALIFIED = on(TABLE);

    private static final String EXECUTING = literal(DeliveryState.EXECUTING);
    private static final String DUE = "((STATE IN (" + literal(DeliveryState.AVAILABLE) + ", "
            + literal(DeliveryState.RETRYABLE) + ") AND NEXT_ATTEMPT_AT <= ?) OR (STATE = " + EXECUTING
            + " AND CLAIMED_UNTIL < ?))";

    private final String table;

    private ClaimSql(String table) {
        this.table = table;
    }

    /**
     * The statements on {@code table}: {@link #TABLE}, qualified by Keycloak's {@code db-schema} when one is set
     * (the result writes and Hibernate's queries name the same table).
     */
    public static ClaimSql on(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return new ClaimSql(table);
    }

    /**
     * Up to {@code limit} due rows ({@code ID}, {@code REALM_ID}), oldest due first, leaving out the realms in
     * {@code skipRealms}; with {@link ClaimStrategy#SKIP_LOCKED} the rows returned are locked until the transaction
     * ends and rows other claimers hold are passed over.
     */
    public SqlStatement due(ClaimStrategy strategy, long now, int limit, Collection<String> skipRealms) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<Object> parameters = new ArrayList<>(List.of(now, now));
        StringBuilder sql = new StringBuilder("SELECT ID, REALM_ID FROM " + table + " WHERE " + DUE);
        if (!skipRealms.isEmpty()) {
            sql.append(" AND REALM_ID NOT IN (")
                    .append(placeholders(skipRealms.size()))
                    .append(')');
            parameters.addAll(skipRealms);
        }
        sql.append(" ORDER BY NEXT_ATTEMPT_AT LIMIT ?");
        parameters.add(limit);
        if (strategy == ClaimStrategy.SKIP_LOCKED) {
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        return new SqlStatement(sql.toString(), parameters);
    }

    /**
     * Claims the rows of {@code ids} that are still due under {@code token} until {@code claimedUntil}: one attempt
     * more, started {@code now} (the first one too, if none started before). The WHERE clause repeats the due test, so
     * a row another claimer took meanwhile is left alone (on every database the UPDATE re-reads a row it had to wait
     * for); its update count is the number of rows won.
     */
    public SqlStatement claim(List<String> ids, String token, long now, long claimedUntil) {
        requireIds(ids);
        List<Object> parameters = new ArrayList<>(List.of(token, claimedUntil, now, now));
        parameters.addAll(ids);
        parameters.add(now);
        parameters.add(now);
        String sql = "UPDATE " + table + " SET STATE = " + EXECUTING + ", CLAIM_TOKEN = ?, CLAIMED_UNTIL = ?,"
                + " ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, FIRST_ATTEMPT_AT = COALESCE(FIRST_ATTEMPT_AT, ?)"
                + " WHERE ID IN (" + placeholders(ids.size()) + ") AND " + DUE;
        return new SqlStatement(sql, parameters);
    }

    /**
     * The rows of {@code ids} that {@link #claim} gave {@code token} ({@code ID}): found through the primary key, never
     * by scanning the claim token column, which has no index.
     */
    public SqlStatement won(List<String> ids, String token) {
        requireIds(ids);
        List<Object> parameters = new ArrayList<>(ids);
        parameters.add(token);
        return new SqlStatement(
                "SELECT ID FROM " + table + " WHERE ID IN (" + placeholders(ids.size()) + ") AND CLAIM_TOKEN = ?",
                parameters);
    }

    private static void requireIds(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no ids");
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String literal(DeliveryState state) {
        return "'" + state.code() + "'";
    }
}
