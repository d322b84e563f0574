package io.github.b2bpack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Drop-in proof: a stock 26.7.3 distribution whose {@code providers/} holds only the pack's built
 * jars starts, and the admin server info lists every provider id the pack adds.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class DeploymentIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void serverIsTheStockDistributionVersion() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        assertEquals("26.7.3", info.getSystemInfo().getVersion());
    }

    @Test
    void serverInfoListsEveryPackProvider() {
        Map<String, SpiInfoRepresentation> spis = admin.serverInfo().getInfo().getProviders();
        for (Map.Entry<String, Set<String>> expected :
                PackProviders.expectedProviders().entrySet()) {
            SpiInfoRepresentation spi = spis.get(expected.getKey());
            assertNotNull(spi, "SPI " + expected.getKey() + " missing from server info");
            Map<String, ProviderRepresentation> providers = spi.getProviders();
            Set<String> missing = new TreeSet<>(expected.getValue());
            missing.removeAll(providers.keySet());
            assertTrue(missing.isEmpty(), "SPI " + expected.getKey() + " lacks " + missing);
        }
    }

    /**
     * The test server's folder. The shipped folder and zip ({@code distribution/target/b2bpack-*}) are
     * held to the same exact list by the distribution module's {@code DistributionLayoutTest}, in its
     * verify phase: the distribution builds after this module, so it cannot be checked from here.
     */
    @Test
    void providersFolderHoldsOnlyThePackJars() throws IOException {
        assumeFalse("remote".equals(System.getProperty("kc.test.server")), "the server runs elsewhere (-Pdocker)");
        Path providers = KeycloakHome.providersDir();
        Set<String> jars = new TreeSet<>();
        try (var files = Files.list(providers)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .forEach(jars::add);
        }
        Set<String> expected = new TreeSet<>();
        for (String module : PackProviders.MODULES) {
            expected.add(PackServerConfig.GROUP_ID + "__" + module + ".jar");
        }
        expected.addAll(PackServerConfig.EXTRA_JARS);
        assertEquals(expected, jars);
    }
}
