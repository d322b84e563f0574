package io.github.b2bpack.webhook.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link WebhooksResource} at {@code /admin/realms/{realm}/webhooks}. */
public final class WebhooksAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new WebhooksResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {}
}
