package io.github.b2bpack.webhook.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the webhook tables to Keycloak's persistence unit; Liquibase creates them from the changelog. */
public final class WebhookJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/b2bpack-webhooks-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(
                WebhookEntity.class, WebhookDeliveryEntity.class, WebhookRateEntity.class, WebhookHealthEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return WebhookJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
