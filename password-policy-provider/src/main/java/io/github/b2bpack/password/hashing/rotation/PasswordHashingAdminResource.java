package io.github.b2bpack.password.hashing.rotation;

import io.github.b2bpack.password.hashing.NativeArgon2PasswordHashProviderFactory;
import io.github.b2bpack.password.hashing.pepper.PepperRing;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/password-hashing}: the realm's hashing state, for admins who may view the realm. */
public final class PasswordHashingAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    PasswordHashingAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * Password credentials per algorithm and per pepper key id. Counts only credentials stored in
     * Keycloak's database (not those kept by a user federation provider).
     */
    @GET
    @Path("pepper-rotation")
    @Produces(MediaType.APPLICATION_JSON)
    public PepperRotationReport pepperRotation() {
        auth.realm().requireViewRealm();
        PepperRing peppers = configuredPeppers();
        PepperRotationCounter counter =
                new PepperRotationCounter(peppers.currentKeyId().orElse(null));
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // credentialData holds algorithm and parameters only; salts and hashes are in secretData, never read here.
        try (Stream<String> rows = em.createQuery(
                        "select c.credentialData from CredentialEntity c where c.user.realmId = :realmId and c.type = :type",
                        String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("type", PasswordCredentialModel.TYPE)
                .getResultStream()) {
            rows.forEach(counter::add);
        }
        return counter.report(realm.getName(), peppers.keyIds());
    }

    private PepperRing configuredPeppers() {
        var factory = session.getKeycloakSessionFactory()
                .getProviderFactory(PasswordHashProvider.class, NativeArgon2PasswordHashProviderFactory.ID);
        return factory instanceof NativeArgon2PasswordHashProviderFactory nativeFactory
                ? nativeFactory.peppers()
                : PepperRing.NONE;
    }
}
