package io.github.b2bpack.org.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One page of a realm's users, newest first, for the users API: Keycloak's user search orders by username,
 * Cryptr's list by creation date, so this reads the ids from Keycloak's {@code USER_ENTITY} table (its JPA
 * entity, in the request transaction) and the caller loads each user through Keycloak's user provider.
 * Service-account users are left out. Users only in a federation provider (LDAP, not imported) are not listed.
 */
public final class UserListing {

    /** The page's user ids and the count of all users matching. */
    public record Page(List<String> ids, long total) {}

    private static final String FROM =
            "from UserEntity u where u.realmId = :realm and u.serviceAccountClientLink is null";

    private UserListing() {}

    /**
     * @param search a substring of email, username, first or last name (case-insensitive), or null
     * @param email  an exact email (case-insensitive), or null
     */
    public static Page page(
            KeycloakSession session, RealmModel realm, String search, String email, int first, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        StringBuilder where = new StringBuilder(FROM);
        if (email != null) {
            where.append(" and u.email = :email");
        }
        if (search != null) {
            where.append(" and (lower(u.email) like :search escape '!' or lower(u.username) like :search escape '!'"
                    + " or lower(u.firstName) like :search escape '!' or lower(u.lastName) like :search escape '!')");
        }
        TypedQuery<Long> count = em.createQuery("select count(u) " + where, Long.class);
        TypedQuery<String> ids =
                em.createQuery("select u.id " + where + " order by u.createdTimestamp desc, u.id", String.class);
        for (TypedQuery<?> query : List.of(count, ids)) {
            query.setParameter("realm", realm.getId());
            if (email != null) {
                // Keycloak stores emails lower-cased.
                query.setParameter("email", email.toLowerCase(Locale.ROOT));
            }
            if (search != null) {
                query.setParameter("search", "%" + likeEscaped(search.toLowerCase(Locale.ROOT)) + "%");
            }
        }
        long total = count.getSingleResult();
        List<String> page = total <= first
                ? List.of()
                : ids.setFirstResult(first).setMaxResults(max).getResultList();
        return new Page(page, total);
    }

    /** The text with LIKE's wildcards and the escape character taken literally. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
