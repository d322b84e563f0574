package io.github.b2bpack.org.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the organization index tables to Keycloak's persistence unit, created by our Liquibase changelog. */
public final class OrganizationJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OrganizationEntity.class, OrganizationEmailDomainEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/b2bpack-org-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return OrganizationJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
