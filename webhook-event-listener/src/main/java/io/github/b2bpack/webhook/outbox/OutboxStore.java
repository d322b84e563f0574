package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.claim.ClaimSql;
import io.github.b2bpack.webhook.claim.ClaimStrategy;
import io.github.b2bpack.webhook.claim.SqlStatement;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookDeliveryEntity;
import io.github.b2bpack.webhook.retry.DeliveryState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.keycloak.models.KeycloakSession;

/**
 * The outbox table as the delivery engine uses it: enqueue, claim, finish, purge ({@link DeliveryHistory} is
 * the events API's side). Runs in the session's transaction and holds no state; what it returns are records,
 * never the entities behind them.
 *
 * <p>Claims ({@link #due}, {@link #claimAll}) run the SQL of {@link ClaimSql}: a conditional UPDATE that only takes
 * rows still due, after a {@code SELECT … FOR UPDATE SKIP LOCKED} of the due rows on PostgreSQL
 * ({@link ClaimStrategy}). Either way two nodes sharing a database never run the same attempt twice. Results are
 * written under the same claim token, so a node whose claim expired (it was presumed dead) cannot overwrite the work
 * of the node that took over.
 */
public final class OutboxStore {

    static final List<String> PENDING = List.of(DeliveryState.AVAILABLE.code(), DeliveryState.RETRYABLE.code());
    /** Length of the ID column; {@code msg_} and 32 hex characters fit. */
    static final int ID_LENGTH = 40;

    private final EntityManager em;
    /** The delivery table, schema-qualified when Keycloak runs in a schema of its own ({@code db-schema}). */
    private final String table;

    public OutboxStore(KeycloakSession session) {
        this.em = Jpa.entityManager(session);
        this.table = Jpa.table(session, ClaimSql.TABLE);
    }

    /** The claim's statements on this store's table (made on the claim path only, not per event). */
    private ClaimSql claimSql() {
        return ClaimSql.on(table);
    }

    /**
     * Writes one delivery row in the current (the event's) transaction.
     *
     * @param id      its {@code webhook-id}, from {@link #newMessageId()} (a CloudEvents body carries it)
     * @param payload the exact body to sign and send, in {@code format}
     */
    public void enqueue(
            String realmId,
            String webhookId,
            String eventCode,
            String id,
            String payload,
            PayloadFormat format,
            long now) {
        WebhookDeliveryEntity d = newRow(realmId, webhookId, eventCode, id, payload, format, now);
        d.setState(DeliveryState.AVAILABLE.code());
        d.setAttempts(0);
        em.persist(d);
    }

    /**
     * Writes one delivery row already claimed by this node under {@code token} until {@code claimedUntil},
     * as its first attempt: the node sends it right after the event's commit without a claim transaction.
     * If the node stops first, the claim expires and any node's sweep sends it.
     */
    public void enqueueClaimed(
            String realmId,
            String webhookId,
            String eventCode,
            String id,
            String payload,
            PayloadFormat format,
            long now,
            String token,
            long claimedUntil) {
        WebhookDeliveryEntity d = newRow(realmId, webhookId, eventCode, id, payload, format, now);
        d.setState(DeliveryState.EXECUTING.code());
        d.setAttempts(1);
        d.setClaimToken(token);
        d.setClaimedUntil(claimedUntil);
        d.setFirstAttemptAt(now);
        d.setLastAttemptAt(now);
        em.persist(d);
    }

    private static WebhookDeliveryEntity newRow(
            String realmId,
            String webhookId,
            String eventCode,
            String id,
            String payload,
            PayloadFormat format,
            long now) {
        WebhookDeliveryEntity d = new WebhookDeliveryEntity();
        d.setId(id);
        d.setPayloadFormat(format.code());
        d.setRealmId(realmId);
        d.setWebhookId(webhookId);
        d.setEventCode(eventCode);
        d.setPayload(payload);
        d.setNextAttemptAt(now);
        d.setCreatedAt(now);
        return d;
    }

    /** {@code msg_} + 32 hex characters: the Standard Webhooks message id of a new delivery. */
    public static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Rows due now (pending and due, or executing under a claim that expired: its node died) with their realm,
     * oldest due first, leaving out the realms in {@code skipRealms} (at their in-flight limit). With
     * {@link ClaimStrategy#SKIP_LOCKED} they stay locked to this transaction, and rows another claimer holds are
     * passed over.
     */
    List<Due> due(ClaimStrategy strategy, long now, int limit, Set<String> skipRealms) {
        List<?> rows =
                nativeQuery(claimSql().due(strategy, now, limit, skipRealms)).getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Due((String) r[0], (String) r[1]))
                .toList();
    }

    /** A due row: its id and realm. */
    record Due(String id, String realmId) {}

    /** A row this node won by a claim: what its attempt needs. {@code attempts} counts the one being made. */
    record Claimed(
            String id,
            String realmId,
            String webhookId,
            String payload,
            PayloadFormat format,
            int attempts,
            long createdAt) {

        @Override
        public String toString() {
            return "Claimed[" + id + ", attempt " + attempts + "]";
        }
    }

    /**
     * Takes every row of {@code ids} that is still due, in one conditional UPDATE under one claim token
     * ({@link ClaimSql#claim}), and returns the rows this call won. Under {@link ClaimStrategy#SKIP_LOCKED} the rows
     * are this transaction's since {@link #due}, so all of them are won; otherwise a row another node took meanwhile
     * no longer matches the WHERE clause once its lock is released, and the rows won are read back by token through
     * the primary key ({@link ClaimSql#won}).
     */
    List<Claimed> claimAll(ClaimStrategy strategy, List<String> ids, String token, long now, long claimedUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        int updated =
                nativeQuery(claimSql().claim(ids, token, now, claimedUntil)).executeUpdate();
        List<String> won;
        if (strategy == ClaimStrategy.SKIP_LOCKED && updated == ids.size()) {
            won = ids;
        } else if (updated == 0) {
            return List.of();
        } else {
            won = nativeQuery(claimSql().won(ids, token)).getResultList().stream()
                    .map(String.class::cast)
                    .toList();
        }
        return em.createQuery("select d from WebhookDeliveryEntity d where d.id in :ids", WebhookDeliveryEntity.class)
                .setParameter("ids", won)
                .getResultStream()
                .map(d -> new Claimed(
                        d.getId(),
                        d.getRealmId(),
                        d.getWebhookId(),
                        d.getPayload(),
                        PayloadFormat.stored(d.getPayloadFormat()),
                        d.getAttempts(),
                        d.getCreatedAt()))
                .toList();
    }

    private Query nativeQuery(SqlStatement statement) {
        Query query = em.createNativeQuery(statement.sql());
        List<Object> values = statement.parameters();
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    /** An attempt's outcome as {@link #finishAll} writes it. */
    record Finish(
            String id, String token, DeliveryState state, Integer status, String error, long nextAttemptAt, long now) {}

    /**
     * Records attempts' outcomes, each only if its {@code token} still holds the claim, as one JDBC batch of
     * conditional UPDATEs: one round trip to the database for the recorder's whole batch rather than one statement
     * (and one Hibernate query execution) per delivery. Element {@code i} tells whether row {@code i} was written.
     */
    boolean[] finishAll(List<Finish> rows) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        em.flush(); // rows changed earlier in this transaction are written first, as a JPQL update would do
        String sql = "update " + table + " set STATE = ?, LAST_STATUS = ?, LAST_ERROR = ?, NEXT_ATTEMPT_AT = ?,"
                + " CLAIM_TOKEN = null, CLAIMED_UNTIL = null, FINISHED_AT = ?"
                + " where ID = ? and CLAIM_TOKEN = ? and STATE = ?";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (Finish f : rows) {
                    update.setString(1, f.state().code());
                    if (f.status() == null) {
                        update.setNull(2, Types.INTEGER);
                    } else {
                        update.setInt(2, f.status());
                    }
                    update.setString(3, f.error());
                    update.setLong(4, f.nextAttemptAt());
                    if (f.state().isFinal()) {
                        update.setLong(5, f.now());
                    } else {
                        update.setNull(5, Types.BIGINT);
                    }
                    update.setString(6, f.id());
                    update.setString(7, f.token());
                    update.setString(8, DeliveryState.EXECUTING.code());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                boolean[] written = new boolean[rows.size()];
                for (int i = 0; i < written.length; i++) {
                    // A driver that cannot tell (SUCCESS_NO_INFO) ran the statement; the WHERE clause still guarded it.
                    written[i] = i < counts.length && (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO);
                }
                return written;
            }
        });
    }

    /** A claimed row handed back unsent, due again at {@code nextAttemptAt}. */
    record PutBack(String id, String token, long nextAttemptAt) {}

    /**
     * Hands claimed rows back without spending an attempt (a rate-limited webhook had no slot for them): each is due
     * again at its time, {@code available} again if it was on its first attempt, else {@code retryable}, written only
     * while {@code token} still holds its claim. One JDBC batch. The attempt counter is decremented last: MariaDB
     * evaluates an UPDATE's assignments left to right, so the CASEs must still see the claimed count.
     */
    void putBack(List<PutBack> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush();
        String first = "ATTEMPTS <= 1";
        String sql = "update " + table + " set STATE = case when " + first + " then '"
                + DeliveryState.AVAILABLE.code() + "' else '" + DeliveryState.RETRYABLE.code() + "' end,"
                + " FIRST_ATTEMPT_AT = case when " + first + " then null else FIRST_ATTEMPT_AT end,"
                + " LAST_ATTEMPT_AT = case when " + first + " then null else LAST_ATTEMPT_AT end,"
                + " CLAIM_TOKEN = null, CLAIMED_UNTIL = null, NEXT_ATTEMPT_AT = ?, ATTEMPTS = ATTEMPTS - 1"
                + " where ID = ? and CLAIM_TOKEN = ? and STATE = '" + DeliveryState.EXECUTING.code() + "'";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (PutBack p : rows) {
                    update.setLong(1, p.nextAttemptAt());
                    update.setString(2, p.id());
                    update.setString(3, p.token());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** When a webhook is deleted, what it still had queued will never be sent. */
    public int cancelForWebhook(String webhookId, long now) {
        return em.createQuery(
                        "update WebhookDeliveryEntity d set d.state = :cancelled, d.finishedAt = :now, d.lastError = :why"
                                + " where d.webhookId = :webhook and d.state in :pending")
                .setParameter("cancelled", DeliveryState.CANCELLED.code())
                .setParameter("now", now)
                .setParameter("why", "webhook_deleted")
                .setParameter("webhook", webhookId)
                .setParameter("pending", PENDING)
                .executeUpdate();
    }

    /** Retention: completed rows older than {@code completedBefore}, discarded and cancelled ones older than {@code discardedBefore}. */
    int purge(long completedBefore, long discardedBefore) {
        int completed = em.createQuery(
                        "delete from WebhookDeliveryEntity d where d.state = :state and d.finishedAt < :before")
                .setParameter("state", DeliveryState.COMPLETED.code())
                .setParameter("before", completedBefore)
                .executeUpdate();
        int dead = em.createQuery(
                        "delete from WebhookDeliveryEntity d where d.state in :states and d.finishedAt < :before")
                .setParameter("states", List.of(DeliveryState.DISCARDED.code(), DeliveryState.CANCELLED.code()))
                .setParameter("before", discardedBefore)
                .executeUpdate();
        return completed + dead;
    }

    /** Rows not finished yet, across realms: the queue depth gauge. */
    long queueDepth() {
        return em.createQuery("select count(d) from WebhookDeliveryEntity d where d.state in :states", Long.class)
                .setParameter(
                        "states",
                        List.of(
                                DeliveryState.AVAILABLE.code(),
                                DeliveryState.RETRYABLE.code(),
                                DeliveryState.EXECUTING.code()))
                .getSingleResult();
    }

    public int deleteRealm(String realmId) {
        return em.createQuery("delete from WebhookDeliveryEntity d where d.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }
}
