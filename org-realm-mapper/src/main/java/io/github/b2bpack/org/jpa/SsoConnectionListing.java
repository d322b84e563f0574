package io.github.b2bpack.org.jpa;

import io.github.b2bpack.org.sso.SsoKeys;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * One page of the organization realms that have an SSO connection, across organizations, ordered by organization
 * domain: Keycloak has no query of identity providers across realms, so this reads its {@code IDENTITY_PROVIDER}
 * and {@code REALM_ATTRIBUTE} tables (their JPA entities, in the request transaction). Only realms of an
 * organization (the slug attribute) count; the caller loads each connection through Keycloak's provider store.
 */
public final class SsoConnectionListing {

    /** The page's realm ids and the count of all realms with a connection. */
    public record Page(List<String> realmIds, long total) {}

    private static final String FROM = "from IdentityProviderEntity i, RealmAttributeEntity a"
            + " where a.realm.id = i.realmId and a.name = :slug and i.alias = :alias";

    private SsoConnectionListing() {}

    /** @param slugAttribute the realm attribute that names a realm's organization */
    public static Page page(KeycloakSession session, String slugAttribute, int first, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(i) " + FROM, Long.class);
        TypedQuery<String> ids =
                em.createQuery("select i.realmId " + FROM + " order by a.value, i.realmId", String.class);
        for (TypedQuery<?> query : List.of(count, ids)) {
            query.setParameter("slug", slugAttribute);
            query.setParameter("alias", SsoKeys.ALIAS);
        }
        long total = count.getSingleResult();
        List<String> page = total <= first
                ? List.of()
                : ids.setFirstResult(first).setMaxResults(max).getResultList();
        return new Page(page, total);
    }
}
