package io.github.b2bpack.password.hashing.rotation;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link PasswordHashingAdminResource} under the realm's admin API. */
public final class PasswordHashingAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new PasswordHashingAdminResource(session, realm, auth);
    }

    @Override
    public void close() {}
}
