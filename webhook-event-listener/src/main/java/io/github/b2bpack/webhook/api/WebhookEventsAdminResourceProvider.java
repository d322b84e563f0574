package io.github.b2bpack.webhook.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link WebhookEventsResource} at {@code /admin/realms/{realm}/webhook-events}. */
public final class WebhookEventsAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new WebhookEventsResource(session, realm, auth);
    }

    @Override
    public void close() {}
}
