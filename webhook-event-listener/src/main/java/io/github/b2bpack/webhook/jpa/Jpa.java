package io.github.b2bpack.webhook.jpa;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSession;

/** How the module's stores reach their tables: through the entity manager of the session's transaction. */
public final class Jpa {

    private Jpa() {}

    public static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** {@code name} qualified by Keycloak's database schema ({@code db-schema}) when one is set, for native SQL. */
    public static String table(KeycloakSession session, String name) {
        var factory = session.getKeycloakSessionFactory().getProviderFactory(JpaConnectionProvider.class);
        String schema = factory instanceof JpaConnectionProviderFactory jpa ? jpa.getSchema() : null;
        return schema == null || schema.isBlank() ? name : schema + "." + name;
    }

    /**
     * The row of {@code type} with this id when it belongs to {@code realmId}, else null: a realm's admin never
     * reaches another realm's rows by id. An id longer than its column cannot exist and is not looked up.
     */
    public static <T extends RealmScoped> T findInRealm(
            EntityManager em, Class<T> type, String realmId, String id, int idLength) {
        if (id == null || id.length() > idLength) {
            return null;
        }
        T row = em.find(type, id);
        return row != null && row.getRealmId().equals(realmId) ? row : null;
    }
}
