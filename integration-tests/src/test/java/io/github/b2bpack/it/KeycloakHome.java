package io.github.b2bpack.it;

import java.nio.file.Path;

/**
 * Where the tests' Keycloak is unpacked: the production-mode server's folder (it/server), or the test
 * framework's fixed folder when it runs its own distribution server ({@code kc.test.server=distribution}).
 */
final class KeycloakHome {

    private KeycloakHome() {}

    static Path dir() {
        return TestServer.home();
    }

    static Path providersDir() {
        return dir().resolve("providers");
    }
}
