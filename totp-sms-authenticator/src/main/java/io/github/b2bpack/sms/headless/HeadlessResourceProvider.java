package io.github.b2bpack.sms.headless;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Hands each request its {@link HeadlessResource}. */
final class HeadlessResourceProvider implements AdminRealmResourceProvider {

    private final int passwordCodeTtl;

    HeadlessResourceProvider(int passwordCodeTtl) {
        this.passwordCodeTtl = passwordCodeTtl;
    }

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new HeadlessResource(session, realm, auth, passwordCodeTtl);
    }

    @Override
    public void close() {}
}
