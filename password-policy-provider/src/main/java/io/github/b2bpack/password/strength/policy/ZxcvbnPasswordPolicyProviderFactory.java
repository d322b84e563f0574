package io.github.b2bpack.password.strength.policy;

import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** Password policy {@code zxcvbn}: value = minimum zxcvbn score 0–4, default 3. */
public final class ZxcvbnPasswordPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String ID = "zxcvbn";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new ZxcvbnPasswordPolicyProvider(session, BoundedStrengthEstimator.standard());
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Load zxcvbn's dictionaries at startup rather than in the first user's request.
        BoundedStrengthEstimator.standard();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayName() {
        return "zxcvbn strength (minimum score 0-4)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return Integer.toString(MinimumScore.DEFAULT);
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public void close() {}
}
