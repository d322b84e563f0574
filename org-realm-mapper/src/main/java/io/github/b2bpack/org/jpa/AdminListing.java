package io.github.b2bpack.org.jpa;

import io.github.b2bpack.org.admins.AdminAttributes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One page of an organization realm's administrators (its users with an invitation), newest invitation first
 * as Cryptr lists them: Keycloak's attribute search has no order and no count, so this reads Keycloak's
 * {@code USER_ATTRIBUTE} table through its JPA entity. The value is epoch millis (13 digits until the year
 * 2286), so its text order is its time order.
 */
public final class AdminListing {

    private static final String FROM = "from UserAttributeEntity a where a.name = :name and a.user.realmId = :realm";

    private AdminListing() {}

    public static UserListing.Page page(KeycloakSession session, RealmModel realm, int first, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long total = em.createQuery("select count(a) " + FROM, Long.class)
                .setParameter("name", AdminAttributes.INVITED_AT)
                .setParameter("realm", realm.getId())
                .getSingleResult();
        List<String> ids = total <= first
                ? List.of()
                : em.createQuery("select a.user.id " + FROM + " order by a.value desc, a.user.id", String.class)
                        .setParameter("name", AdminAttributes.INVITED_AT)
                        .setParameter("realm", realm.getId())
                        .setFirstResult(first)
                        .setMaxResults(max)
                        .getResultList();
        return new UserListing.Page(ids, total);
    }
}
