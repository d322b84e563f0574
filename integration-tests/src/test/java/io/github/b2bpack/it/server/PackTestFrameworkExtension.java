package io.github.b2bpack.it.server;

import java.util.List;
import org.keycloak.testframework.TestFrameworkExtension;
import org.keycloak.testframework.injection.Supplier;

/** The pack's test servers, found by the framework through {@code META-INF/services}. */
public final class PackTestFrameworkExtension implements TestFrameworkExtension {

    @Override
    public List<Supplier<?, ?>> suppliers() {
        return List.of(
                new ProductionKeycloakServerSupplier(),
                LocalDatabaseSupplier.postgres(),
                LocalDatabaseSupplier.mariaDb());
    }
}
