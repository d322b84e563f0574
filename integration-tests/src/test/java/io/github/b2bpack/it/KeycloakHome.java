package io.github.b2bpack.it;

import java.nio.file.Path;

/** Where the test framework unpacks the distribution (a fixed folder under the temp directory). */
final class KeycloakHome {

    private KeycloakHome() {
    }

    static Path dir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "kc-test-framework", "keycloak", "keycloak-26.7.3");
    }

    static Path providersDir() {
        return dir().resolve("providers");
    }
}
