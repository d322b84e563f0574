package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.catalog.EventCatalog;
import java.util.Arrays;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Mounts the event catalog at {@code /admin/realms/{realm}/webhook-event-types}. The catalog is built once, here,
 * from the enums of the running Keycloak: a Keycloak upgrade that adds event types adds them to the catalog.
 */
public final class WebhookEventTypesAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "webhook-event-types";

    private static final EventCatalog CATALOG =
            EventCatalog.of(names(EventType.values()), names(ResourceType.values()), names(OperationType.values()));

    private static final WebhookEventTypesAdminResourceProvider PROVIDER =
            new WebhookEventTypesAdminResourceProvider(CATALOG);

    /** The catalog of the Keycloak on the class path (also what the unit tests check payloads against). */
    public static EventCatalog catalog() {
        return CATALOG;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
