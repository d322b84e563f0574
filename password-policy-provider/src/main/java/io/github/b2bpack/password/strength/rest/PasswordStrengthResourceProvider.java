package io.github.b2bpack.password.strength.rest;

import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Mounts {@link PasswordStrengthResource} at {@code /realms/{realm}/password-strength}. */
final class PasswordStrengthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final RateLimitSettings settings;

    PasswordStrengthResourceProvider(KeycloakSession session, RateLimitSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public Object getResource() {
        return new PasswordStrengthResource(session, settings, BoundedStrengthEstimator.standard());
    }

    @Override
    public void close() {}
}
