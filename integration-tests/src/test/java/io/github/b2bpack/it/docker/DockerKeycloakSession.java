package io.github.b2bpack.it.docker;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Under {@code -Pdocker}: starts the Keycloak container once for the whole test run and points the
 * test framework at it ({@code kc.test.server=remote}); without a Docker engine it does nothing and
 * {@link DockerRequired} skips every test.
 */
public final class DockerKeycloakSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (DockerKeycloak.requested() && DockerKeycloak.dockerAvailable()) {
            DockerKeycloak.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        DockerKeycloak.stop();
    }
}
