package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.catalog.EventCatalog;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link WebhookEventTypesResource} at {@code /admin/realms/{realm}/webhook-event-types}. */
public final class WebhookEventTypesAdminResourceProvider implements AdminRealmResourceProvider {

    private final EventCatalog catalog;

    WebhookEventTypesAdminResourceProvider(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new WebhookEventTypesResource(catalog, auth);
    }

    @Override
    public void close() {}
}
