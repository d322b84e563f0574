package io.github.b2bpack.it.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.testframework.server.KeycloakDependency;
import org.keycloak.testframework.server.KeycloakServer;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The tests' Keycloak as operators run it: the official distribution zip, the pack's jars in {@code providers/},
 * {@code kc.sh build} then {@code kc.sh start --optimized} (production mode) over HTTPS with a certificate made for
 * the run, {@code --hostname} set, Infinispan caches and the database of the framework's database supplier. The
 * tests' own server options are passed unchanged; only the split between build-time and runtime options is made here.
 */
final class ProductionKeycloakServer implements KeycloakServer {

    private static final Logger LOG = Logger.getLogger(ProductionKeycloakServer.class);
    static final String BASE_URL = "https://localhost:8443";
    static final String MANAGEMENT_URL = "https://localhost:9000";

    private KeycloakNode node;

    /** Where the distribution is unpacked afresh for each run (DeploymentIT lists its providers/). */
    static Path home() {
        return Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-keycloak", "keycloak-26.7.3");
    }

    @Override
    public void start(KeycloakServerConfigBuilder config, boolean frameworkTls) {
        try {
            long started = System.nanoTime();
            node = KeycloakNode.install(home(), BASE_URL + "/realms/master");
            List<String> providers = new ArrayList<>();
            for (KeycloakDependency dependency : ServerConfigAccess.dependencies(config)) {
                providers.add(dependency.getGroupId() + ":" + dependency.getArtifactId());
            }
            node.addProviders(providers);
            ServerCertificate certificate = ServerCertificate.forLocalhost(home().getParent());
            ProductionOptions options = ProductionOptions.split(ServerConfigAccess.args(config));
            node.build(options.build());
            List<String> runtime = new ArrayList<>(options.runtime());
            certificate.serverOptions().forEach((k, v) -> runtime.add("--" + k + "=" + v));
            runtime.addAll(List.of("--hostname=" + BASE_URL, "--https-port=8443", "--http-enabled=false"));
            node.start(runtime, 7800);
            LOG.infov(
                    "production-mode Keycloak built and started in {0} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak in production mode", e);
        }
    }

    @Override
    public void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Override
    public String getBaseUrl() {
        return BASE_URL;
    }

    @Override
    public String getManagementBaseUrl() {
        return MANAGEMENT_URL;
    }
}
