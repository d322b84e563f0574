package io.github.b2bpack.it.server;

import java.util.function.Supplier;
import org.keycloak.testframework.annotations.InjectTestDatabase;
import org.keycloak.testframework.database.TestDatabase;
import org.keycloak.testframework.injection.InstanceContext;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.injection.RequestedInstance;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.server.KeycloakServerConfigInterceptor;

/**
 * A database server started on loopback for the whole test run ({@code kc.test.database=local-postgres} or
 * {@code local-mariadb}); its connection options are added to the Keycloak server's configuration.
 */
final class LocalDatabaseSupplier
        implements org.keycloak.testframework.injection.Supplier<TestDatabase, InjectTestDatabase>,
                KeycloakServerConfigInterceptor<TestDatabase, InjectTestDatabase> {

    private final String alias;
    private final Supplier<TestDatabase> factory;

    LocalDatabaseSupplier(String alias, Supplier<TestDatabase> factory) {
        this.alias = alias;
        this.factory = factory;
    }

    static LocalDatabaseSupplier postgres() {
        return new LocalDatabaseSupplier("local-postgres", LocalPostgres::new);
    }

    static LocalDatabaseSupplier mariaDb() {
        return new LocalDatabaseSupplier("local-mariadb", LocalMariaDb::new);
    }

    @Override
    public String getAlias() {
        return alias;
    }

    @Override
    public TestDatabase getValue(InstanceContext<TestDatabase, InjectTestDatabase> context) {
        TestDatabase database = factory.get();
        database.start(null);
        return database;
    }

    @Override
    public boolean compatible(
            InstanceContext<TestDatabase, InjectTestDatabase> a,
            RequestedInstance<TestDatabase, InjectTestDatabase> b) {
        return true;
    }

    @Override
    public LifeCycle getDefaultLifecycle() {
        return LifeCycle.GLOBAL;
    }

    @Override
    public void close(InstanceContext<TestDatabase, InjectTestDatabase> context) {
        context.getValue().stop();
    }

    @Override
    public KeycloakServerConfigBuilder intercept(
            KeycloakServerConfigBuilder config, InstanceContext<TestDatabase, InjectTestDatabase> context) {
        return config.options(context.getValue().serverConfig());
    }

    @Override
    public int order() {
        return 100;
    }
}
