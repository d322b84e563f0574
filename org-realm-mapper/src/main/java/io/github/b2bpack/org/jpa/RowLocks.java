package io.github.b2bpack.org.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.RealmEntity;

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
        // the realm entity (components and their config rows follow: cascade ALL) makes everything read after
        // the lock come from the database. Nothing of the realm is written before the lock, so nothing is lost.
        RealmEntity loaded = em.find(RealmEntity.class, realm.getId());
        if (loaded != null) {
            em.detach(loaded);
        }
        List<?> locked = em.createQuery("select r from RealmEntity r where r.id = :id")
                .setParameter("id", realm.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("realm row not found");
        }
        realm.setEnabled(realm.isEnabled());
    }

    /**
     * Locks the user's row and answers its attributes as committed now (a projection, so not the copy a cache
     * or the persistence context may hold).
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
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        em.createQuery("select a.name, a.value from UserAttributeEntity a where a.user.id = :id", Object[].class)
                .setParameter("id", user.getId())
                .getResultList()
                .forEach(row -> attributes
                        .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add((String) row[1]));
        return attributes;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
