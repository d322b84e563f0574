package io.github.b2bpack.it.upgrade;

import io.github.b2bpack.it.PackProviders;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.server.KeycloakNode;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.testframework.database.TestDatabase;

/**
 * The current pack in production mode ({@code kc.sh build} once, then {@code kc.sh start --optimized} as often as a
 * test needs) on a database of its own ({@link FixtureDatabase}), with the ITs' server options except the {@link #SECRETS}, which
 * each start hands over another way (environment, config keystore). Plain HTTP on 127.0.0.1:18090, management on
 * 19010, JGroups on 7810: beside the ITs' server on 8443, never in its way.
 */
final class UpgradeServer {

    static final String BASE_URL = "http://localhost:18090";
    /** The options that must never be on a command line: the argon2 peppers and the webhook encryption key. */
    static final Set<String> SECRETS = Set.of(
            "spi-password-hashing--argon2-native--peppers",
            "spi-password-hashing--argon2-native--current-pepper-id",
            "spi-events-listener--webhooks--encryption-key");

    private final TestDatabase database;
    private final KeycloakNode node;

    private UpgradeServer(TestDatabase database, KeycloakNode node) {
        this.database = database;
        this.node = node;
    }

    /** Unpacks the distribution into {@code home}, adds the pack's jars and runs {@code kc.sh build}. */
    static UpgradeServer build(Path home, TestDatabase database) throws IOException {
        KeycloakNode node = KeycloakNode.install(home, BASE_URL + "/realms/master");
        List<String> providers = new ArrayList<>();
        PackProviders.MODULES.forEach(m -> providers.add(PackServerConfig.GROUP_ID + ":" + m));
        providers.addAll(PackServerConfig.EXTRA_DEPENDENCIES);
        node.addProviders(providers);
        node.build(List.of(
                "--db=" + database.serverConfig().get("db"), "--health-enabled=true", "--metrics-enabled=true"));
        return new UpgradeServer(database, node);
    }

    /** The ITs' value of each of {@link #SECRETS} (test-only values, from server-options/*.properties). */
    static Map<String, String> itSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        PackProviders.serverOptions().forEach((k, v) -> {
            if (SECRETS.contains(k)) {
                secrets.put(k, v);
            }
        });
        return secrets;
    }

    /** Keycloak's environment variable for an option: {@code KC_}, upper case, {@code --} → {@code __}, {@code -} → {@code _}. */
    static String envName(String option) {
        return "KC_" + option.toUpperCase(Locale.ROOT).replace("--", "__").replace('-', '_');
    }

    /** Starts with the ITs' options (secrets left out), {@code extraOptions} and {@code environment}. */
    void start(List<String> extraOptions, Map<String, String> environment) throws IOException {
        List<String> options = new ArrayList<>();
        database.serverConfig().forEach((k, v) -> {
            if (!k.equals("db")) {
                options.add("--" + k + "=" + v);
            }
        });
        PackProviders.serverOptions().forEach((k, v) -> {
            if (!SECRETS.contains(k)) {
                options.add("--" + k + "=" + v);
            }
        });
        options.addAll(List.of(
                "--cache=ispn",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=18090",
                "--http-management-port=19010",
                "--hostname=" + BASE_URL));
        options.addAll(extraOptions);
        node.start(options, environment, 7810);
    }

    void stop() {
        node.stop();
    }

    KeycloakNode node() {
        return node;
    }

    /** The admin REST API ({@code /admin/realms}) as the fixture's admin, with a fresh token for each call. */
    BearerHttp admin(UpgradeFixture fixture) {
        OidcClient master = new OidcClient(BASE_URL + "/realms/master");
        return new BearerHttp(
                BASE_URL + "/admin/realms",
                () -> master.passwordGrant("admin-cli", fixture.adminUsername(), fixture.adminPassword())
                        .field("access_token"),
                Duration.ofSeconds(30));
    }
}
