package io.github.b2bpack.it;

import java.util.List;
import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every integration test uses: a stock 26.7.3 distribution with the
 * pack's built jars in {@code providers/} and server-wide options pointing outside services at the
 * loopback fakes. One configuration means one Keycloak start per test run, so add options here
 * rather than creating a second configuration.
 */
public final class PackServerConfig implements KeycloakServerConfig {

    public static final String GROUP_ID = "io.github.b2bpack";

    /** Server log written to a file too, so tests can assert that no secret was ever logged. */
    public static final String SERVER_LOG = System.getProperty("java.io.tmpdir") + "/b2bpack-it-keycloak.log";

    /**
     * Libraries shipped as their own jar beside a provider jar rather than shaded into it
     * ("group:artifact"); the operator copies them to {@code providers/} too.
     */
    public static final List<String> EXTRA_DEPENDENCIES = List.of(
            // argon2-native (password-policy-provider): LGPL argon2-jvm, classes and native libraries.
            "de.mkammerer:argon2-jvm", "de.mkammerer:argon2-jvm-nolibs");

    /** File names the test framework gives {@link #EXTRA_DEPENDENCIES} in {@code providers/}. */
    public static final List<String> EXTRA_JARS = EXTRA_DEPENDENCIES.stream()
            .map(ga -> ga.replace(':', '_').replaceFirst("_", "__") + ".jar")
            .toList();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        for (String module : PackProviders.MODULES) {
            config.dependency(GROUP_ID, module);
        }
        for (String ga : EXTRA_DEPENDENCIES) {
            String[] parts = ga.split(":");
            config.dependency(parts[0], parts[1]);
        }
        config.log()
                .handlers(
                        KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE);
        config.option("log-file", SERVER_LOG);
        // The admin console lists UiPageProvider pages (the webhooks page) only with this experimental feature; the
        // webhooks are realm components either way (docs/webhook-event-listener.md, "Admin console").
        config.features(Profile.Feature.DECLARATIVE_UI);
        // scim (issue 14): Directory Sync runs Keycloak's SCIM resources, which need the preview feature scim-api
        // (docs/org-realm-mapper.md, "Directory Sync").
        config.features(Profile.Feature.SCIM_API);
        // Metrics on, so providers' Micrometer meters can be read from the management interface.
        config.option("metrics-enabled", "true");
        // Each module's server-wide options live in server-options/<module>.properties; outside
        // services point at the loopback fakes of test-support (docs/test-doubles.md).
        PackProviders.serverOptions().forEach(config::option);
        return config;
    }
}
