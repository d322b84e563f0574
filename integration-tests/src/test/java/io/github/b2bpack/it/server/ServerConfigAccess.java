package io.github.b2bpack.it.server;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.keycloak.testframework.server.KeycloakDependency;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * Reads what a test asked of the server. The framework's 26.7.0 builder keeps {@code toArgs()} and
 * {@code toDependencies()} package-private (its own servers live in its package), so a server of ours reads
 * them reflectively here, in one place.
 */
final class ServerConfigAccess {

    private ServerConfigAccess() {}

    /** The command line the framework would pass to {@code kc.sh}, starting with {@code start-dev}. */
    @SuppressWarnings("unchecked")
    static List<String> args(KeycloakServerConfigBuilder config) {
        return (List<String>) invoke(config, "toArgs");
    }

    @SuppressWarnings("unchecked")
    static Set<KeycloakDependency> dependencies(KeycloakServerConfigBuilder config) {
        return (Set<KeycloakDependency>) invoke(config, "toDependencies");
    }

    private static Object invoke(KeycloakServerConfigBuilder config, String name) {
        try {
            Method method = KeycloakServerConfigBuilder.class.getDeclaredMethod(name);
            method.setAccessible(true);
            return method.invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the test framework's KeycloakServerConfigBuilder has no " + name + "()", e);
        }
    }
}
