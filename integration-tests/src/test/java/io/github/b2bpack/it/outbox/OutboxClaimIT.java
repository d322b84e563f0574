package io.github.b2bpack.it.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.outbox.OutboxRows.Row;
import io.github.b2bpack.webhook.claim.ClaimSql;
import io.github.b2bpack.webhook.claim.ClaimStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The two claim strategies ({@link ClaimStrategy}) are equivalent on the databases Keycloak runs on: 8 claimers in
 * parallel, each on its own connection, run the statements of {@link ClaimSql} (the ones the server runs) over 2,000
 * due rows beside 300 that are not due, as a drain pass does (now and then leaving a realm out, as a realm at its
 * in-flight limit is, or taking only part of what it selected, as realm slots do). Every due row is claimed exactly
 * once, none is left, the rows that are not due are never touched; when the claims expire (their nodes presumed
 * dead) every row is taken again exactly once; and both strategies leave the table in the same state. On
 * PostgreSQL and MariaDB both strategies run, on H2 the portable one only (what {@code auto} picks there).
 */
class OutboxClaimIT {

    /** Ports of their own: the tests' Keycloak may still hold its PostgreSQL (15432) and MariaDB (13306). */
    private static final int POSTGRES_PORT = Integer.getInteger("b2bpack.it.outbox.postgres.port", 15442);

    private static final int MARIADB_PORT = Integer.getInteger("b2bpack.it.outbox.mariadb.port", 13316);
    private static final int CLAIMERS = 8;
    private static final int DUE_ROWS = 2_000;
    private static final int BATCH = 50;
    private static final int REPEATS = 3;
    private static final long T0 = 1_000_000_000L;
    private static final long CLAIM = 60_000;
    /** After the first round's claims expired, before the rows that are not due come due. */
    private static final long T1 = T0 + CLAIM + 1_000;

    @Test
    void onPostgres() throws Exception {
        try (SqlDatabase db = SqlDatabase.postgres(POSTGRES_PORT)) {
            equivalent(db, ClaimStrategy.SKIP_LOCKED, ClaimStrategy.CONDITIONAL_UPDATE);
        }
    }

    @Test
    void onMariaDb() throws Exception {
        try (SqlDatabase db = SqlDatabase.mariaDb(MARIADB_PORT)) {
            equivalent(db, ClaimStrategy.SKIP_LOCKED, ClaimStrategy.CONDITIONAL_UPDATE);
        }
    }

    @Test
    void onH2() throws Exception {
        try (SqlDatabase db = SqlDatabase.h2()) {
            equivalent(db, ClaimStrategy.CONDITIONAL_UPDATE);
        }
    }

    private static void equivalent(SqlDatabase db, ClaimStrategy... strategies) throws Exception {
        db.migrate(SqlDatabase.WEBHOOKS_CHANGELOG);
        List<Row> seed = ClaimFixtures.seed(DUE_ROWS, T0, T1);
        List<String> expected = null;
        for (ClaimStrategy strategy : strategies) {
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                try (Connection c = db.open()) {
                    OutboxRows.deleteAll(c);
                    OutboxRows.insert(c, seed);
                }
                String what = db + " " + strategy.code() + " #" + repeat;
                Map<String, String> first = round(db, strategy, T0, what + " first round");
                Map<String, String> second = round(db, strategy, T1, what + " after the claims expired");
                List<Row> end;
                try (Connection c = db.open()) {
                    end = OutboxRows.all(c);
                }
                check(seed, end, second, what);
                assertEquals(first.keySet(), second.keySet(), what + ": the same rows, taken again");
                List<String> snapshot = end.stream().map(Row::withoutToken).toList();
                if (expected == null) {
                    expected = snapshot;
                } else {
                    assertEquals(expected, snapshot, what + ": the same final state as " + strategies[0].code());
                }
            }
        }
    }

    /** 8 claimers until nothing is due at {@code now}; the rows won, each with the token that won it. */
    private static Map<String, String> round(SqlDatabase db, ClaimStrategy strategy, long now, String what)
            throws Exception {
        Map<String, String> wonBy = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int i = 0; i < CLAIMERS; i++) {
                Random random = new Random(i);
                claimers.add(pool.submit(() -> {
                    claimUntilNothingIsDue(db, strategy, now, random, wonBy, twice, retried, empty);
                    return null;
                }));
            }
            for (Future<?> claimer : claimers) {
                claimer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "%s: %d rows claimed by %d claimers in %d ms, %d claimed twice, %d claim transactions rolled back"
                        + " (deadlock or lock wait), %d found nothing while rows were still due, %d tokens won rows%n",
                what,
                wonBy.size(),
                CLAIMERS,
                (System.nanoTime() - start) / 1_000_000,
                twice.get(),
                retried.get(),
                empty.get(),
                wonBy.values().stream().distinct().count());
        assertEquals(0, twice.get(), what + ": rows claimed twice");
        assertEquals(DUE_ROWS, wonBy.size(), what + ": every due row claimed");
        try (Connection c = db.open()) {
            assertEquals(
                    List.of(),
                    SqlDatabase.strings(
                            c, ClaimSql.UNQUALIFIED.due(ClaimStrategy.CONDITIONAL_UPDATE, now, 10, Set.of())),
                    what + ": none left");
        }
        return wonBy;
    }

    private static void claimUntilNothingIsDue(
            SqlDatabase db,
            ClaimStrategy strategy,
            long now,
            Random random,
            Map<String, String> wonBy,
            AtomicInteger twice,
            AtomicInteger retried,
            AtomicInteger empty)
            throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            while (true) {
                String token = UUID.randomUUID().toString();
                // A realm at its in-flight limit is left out of the query, as the drain pass does.
                Set<String> skip = random.nextInt(5) == 0 ? Set.of("realm-" + random.nextInt(5)) : Set.of();
                List<String> won;
                boolean sawDue;
                try {
                    Map<String, String> due = due(c, ClaimSql.UNQUALIFIED.due(strategy, now, BATCH, skip));
                    sawDue = !due.isEmpty();
                    // Realm slots: now and then only part of what was selected is claimed; the rest stays due.
                    List<String> ids = new ArrayList<>(due.keySet());
                    if (random.nextInt(4) == 0 && !ids.isEmpty()) {
                        String realm = due.get(ids.get(random.nextInt(ids.size())));
                        ids.removeIf(id -> due.get(id).equals(realm));
                    }
                    won = claim(c, strategy, ids, token, now);
                    c.commit();
                } catch (SQLException e) {
                    // A deadlock or lock wait timeout ends a claim transaction; the drain pass then retries.
                    c.rollback();
                    if (retried.incrementAndGet() == 1) {
                        System.out.printf(
                                "%s %s: first rolled back claim: SQLState %s, %s%n",
                                db, strategy.code(), e.getSQLState(), e.getMessage());
                    }
                    continue;
                }
                for (String id : won) {
                    if (wonBy.putIfAbsent(id, token) != null) {
                        twice.incrementAndGet();
                    }
                }
                if (!sawDue
                        && SqlDatabase.strings(
                                        c, ClaimSql.UNQUALIFIED.due(ClaimStrategy.CONDITIONAL_UPDATE, now, 1, Set.of()))
                                .isEmpty()) {
                    c.commit();
                    return;
                }
                c.commit();
            }
        }
    }

    /** What {@code OutboxStore.claimAll} does, on JDBC: the claim, then the rows won. */
    private static List<String> claim(Connection c, ClaimStrategy strategy, List<String> ids, String token, long now)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        int updated = SqlDatabase.update(c, ClaimSql.UNQUALIFIED.claim(ids, token, now, now + CLAIM));
        if (strategy == ClaimStrategy.SKIP_LOCKED) {
            // The rows are this transaction's since the locking SELECT: all of them are won.
            assertEquals(ids.size(), updated, "skip-locked claims every row it locked");
            return ids;
        }
        return updated == 0 ? List.of() : SqlDatabase.strings(c, ClaimSql.UNQUALIFIED.won(ids, token));
    }

    private static Map<String, String> due(Connection c, io.github.b2bpack.webhook.claim.SqlStatement statement)
            throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (PreparedStatement ps = SqlDatabase.prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    /** After two rounds: each due row claimed twice with the right columns, every other row untouched. */
    private static void check(List<Row> seed, List<Row> end, Map<String, String> lastWinner, String what) {
        Map<String, Row> byId = new HashMap<>();
        end.forEach(r -> byId.put(r.id(), r));
        assertEquals(seed.size(), end.size(), what);
        for (Row before : seed) {
            Row after = byId.get(before.id());
            if (!before.id().startsWith("msg_due_")) {
                assertEquals(before, after, what + ": a row that was not due changed");
                continue;
            }
            Row expected = new Row(
                    before.id(),
                    before.realmId(),
                    before.webhookId(),
                    "executing",
                    before.attempts() + 2,
                    before.nextAttemptAt(),
                    lastWinner.get(before.id()),
                    T1 + CLAIM,
                    before.createdAt(),
                    before.firstAttemptAt() == null ? T0 : before.firstAttemptAt(),
                    T1,
                    null);
            assertEquals(expected, after, what);
        }
        assertTrue(lastWinner.values().stream().distinct().count() > 1, what + ": more than one claimer won rows");
    }
}
