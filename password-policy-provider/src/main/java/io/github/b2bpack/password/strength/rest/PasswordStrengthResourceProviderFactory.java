package io.github.b2bpack.password.strength.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.List;

/**
 * Realm REST resource {@code password-strength}. Options
 * ({@code --spi-realm-restapi-extension--password-strength--<option>}): {@code rate-limit},
 * {@code rate-limit-window}, {@code max-body-bytes}; out-of-range values stop the server at startup.
 */
public final class PasswordStrengthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "password-strength";

    private RateLimitSettings settings;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasswordStrengthResourceProvider(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = new RateLimitSettings(
                config.getInt("rate-limit", RateLimitSettings.DEFAULT_REQUESTS),
                config.getInt("rate-limit-window", RateLimitSettings.DEFAULT_WINDOW_SECONDS),
                config.getInt("max-body-bytes", RateLimitSettings.DEFAULT_MAX_BODY_BYTES));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("rate-limit").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Strength checks one client IP may make per window (1-10000); more get 429.")
                .defaultValue(RateLimitSettings.DEFAULT_REQUESTS).add()
                .property().name("rate-limit-window").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Length of the rate-limit window in seconds (1-3600).")
                .defaultValue(RateLimitSettings.DEFAULT_WINDOW_SECONDS).add()
                .property().name("max-body-bytes").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Largest request body read, in bytes (64-65536); larger bodies get 413.")
                .defaultValue(RateLimitSettings.DEFAULT_MAX_BODY_BYTES).add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
