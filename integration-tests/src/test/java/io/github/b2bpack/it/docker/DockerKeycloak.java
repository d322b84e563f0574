package io.github.b2bpack.it.docker;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.github.b2bpack.it.PackProviders;
import io.github.b2bpack.it.PackServerConfig;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.it.utils.Maven;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The official Keycloak image with the pack's built jars, for contributors who have a Docker engine.
 * It runs on the host network so that it answers on localhost:8080/9000 like the distribution the
 * test framework starts, and reaches the loopback fakes of test-support at 127.0.0.1.
 */
final class DockerKeycloak {

    private static final String IMAGE =
            "quay.io/keycloak/keycloak:" + System.getProperty("b2bpack.keycloak.version", "26.7.3");

    private static KeycloakContainer container;

    private DockerKeycloak() {}

    /** True under {@code -Pdocker}; otherwise the classes of this package stay idle. */
    static boolean requested() {
        return Boolean.getBoolean("b2bpack.docker");
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized void start() {
        if (container != null) {
            return;
        }
        List<File> jars = new ArrayList<>();
        for (String module : PackProviders.MODULES) {
            jars.add(Maven.resolveArtifact(PackServerConfig.GROUP_ID, module).toFile());
        }
        for (String ga : PackServerConfig.EXTRA_DEPENDENCIES) {
            String[] parts = ga.split(":");
            jars.add(Maven.resolveArtifact(parts[0], parts[1]).toFile());
        }
        List<String> args = new ArrayList<>(List.of(
                "start-dev",
                "--bootstrap-admin-client-id=temp-admin",
                "--bootstrap-admin-client-secret=mysecret",
                "--cache=local",
                "--metrics-enabled=true"));
        PackProviders.serverOptions().forEach((option, value) -> args.add("--" + option + "=" + value));

        KeycloakContainer keycloak = new KeycloakContainer(IMAGE)
                .withAdminUsername("admin")
                .withAdminPassword("admin")
                .withProviderLibsFrom(jars)
                .withNetworkMode("host")
                .withCustomCommand(String.join(" ", args))
                .waitingFor(Wait.forLogMessage(".*Listening on: http.*", 1).withStartupTimeout(Duration.ofMinutes(5)));
        keycloak.start();
        container = keycloak;
    }

    static synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }
}
