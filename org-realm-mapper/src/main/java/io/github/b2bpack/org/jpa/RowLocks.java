package io.github.b2bpack.org.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.RealmEntity;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Row locks that serialize read-then-write sequences across requests and cluster nodes: the database row
 * ({@code SELECT … FOR UPDATE}) is the one lock every node shares. Held until the request's transaction ends.
 */
public final class RowLocks {

    private static final String LOCKED_REALM = "b2bpack.row-lock.realm.";

    private RowLocks() {}

    /**
     * Locks the realm's row, then makes the realm read from the database from here on. Call it before anything of
     * the realm is changed in the request. Keycloak's realm cache
     * may hold a copy loaded before another request's change was committed. A write of the unchanged
     * {@code enabled} flag switches the cached realm to its database delegate (and registers the invalidation
     * the following write needs anyway); the database sees no update since nothing changed.
     */
    public static void lockRealm(KeycloakSession session, RealmModel realm) {
        // Once per transaction: the lock is held until it ends, and detaching again would cut the realm adapter
        // the first call switched to off its entity.
        String held = LOCKED_REALM + realm.getId();
        if (session.getAttribute(held) != null) {
            return;
        }
        session.setAttribute(held, Boolean.TRUE);
        EntityManager em = em(session);
        // Waiting for the lock does not refresh what this transaction loaded before it: a realm-cache miss earlier
        // in the request (another request's commit invalidates the realm) loads the realm's components and their
        // config rows into the persistence context, and a query answers those managed copies, not the rows as
        // committed. Rewriting the user profile over such a copy deleted config rows another request had already
        // replaced (OptimisticLockException at commit, a 500 under 8 parallel metakey declarations). Detaching
        // the realm entity (components and their config rows follow: cascade ALL) before the locking query makes
        // the realm's row come from that locking read, which answers the row as committed now on every database
        // (under MariaDB's repeatable read a plain read would answer the request's older snapshot). Nothing of the
        // realm is written before the lock, so nothing is lost. Whole-document rewrites that need more than the
        // realm's row fresh under repeatable read run in inLockedRealms instead.
        RealmEntity loaded = em.find(RealmEntity.class, realm.getId());
        if (loaded != null) {
            em.detach(loaded);
        }
        lockRealmRow(em, realm.getId());
        realm.setEnabled(realm.isEnabled());
    }

    /**
     * Runs {@code work} in a transaction of its own whose first statements lock the realms' rows (in id order, so two
     * callers never wait for each other), and commits it when {@code work} returns. Under repeatable read (MariaDB and
     * MySQL by default) a lock taken in the middle of a request cannot show what the previous holder committed: the
     * request's snapshot is older. Here nothing is read before the locks, so {@code work} sees every earlier commit.
     * The realms handed to {@code work} read from the database, not from a cached copy.
     */
    public static <T> T inLockedRealms(
            KeycloakSession session, List<String> realmIds, BiFunction<KeycloakSession, List<RealmModel>, T> work) {
        for (String id : realmIds) {
            if (session.getAttribute(LOCKED_REALM + id) != null) {
                // This request's transaction holds the lock and waits for this one to return: neither would end.
                throw new IllegalStateException("the realm is locked by the calling transaction");
            }
        }
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), fresh -> {
            EntityManager em = em(fresh);
            for (String id : realmIds.stream().sorted().toList()) {
                lockRealmRow(em, id);
                fresh.setAttribute(LOCKED_REALM + id, Boolean.TRUE);
            }
            List<RealmModel> realms = new ArrayList<>();
            for (String id : realmIds) {
                RealmModel realm = fresh.realms().getRealm(id);
                // The write of the unchanged flag switches a cached realm to its database delegate (see lockRealm).
                realm.setEnabled(realm.isEnabled());
                realms.add(realm);
            }
            return work.apply(fresh, realms);
        });
    }

    /**
     * Locks the user's row and answers its attributes as committed now. They are read in a transaction of its own,
     * begun after the lock was granted: a projection is not the copy a cache or the persistence context may hold,
     * and a new transaction sees the previous holder's commit even under repeatable read (MariaDB), where this
     * request's snapshot predates it. (A locking read of the attribute rows would see it too, but takes gap locks on
     * MariaDB that block other users' attribute writes.)
     */
    public static Map<String, List<String>> lockUser(KeycloakSession session, UserModel user) {
        EntityManager em = em(session);
        List<?> locked = em.createQuery("select u from UserEntity u where u.id = :id")
                .setParameter("id", user.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (locked.isEmpty()) {
            return Map.of();
        }
        // This transaction's own changes to the user are in its persistence context, not yet in the database: the
        // callers lock before they write anything of the user, so there are none to miss.
        String id = user.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), fresh -> {
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            em(fresh)
                    .createQuery(
                            "select a.name, a.value from UserAttributeEntity a where a.user.id = :id", Object[].class)
                    .setParameter("id", id)
                    .getResultList()
                    .forEach(row -> attributes
                            .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                            .add((String) row[1]));
            return attributes;
        });
    }

    /** {@code SELECT … FOR UPDATE} of the realm's row. */
    private static void lockRealmRow(EntityManager em, String realmId) {
        List<?> locked = em.createQuery("select r from RealmEntity r where r.id = :id")
                .setParameter("id", realmId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("realm row not found");
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
