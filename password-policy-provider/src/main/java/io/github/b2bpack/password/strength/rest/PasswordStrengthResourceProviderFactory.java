package io.github.b2bpack.password.strength.rest;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Realm REST resource {@code password-strength}. Options
 * ({@code --spi-realm-restapi-extension--password-strength--<option>}): {@code rate-limit},
 * {@code rate-limit-window}, {@code max-body-bytes}; out-of-range values stop the server at startup.
 */
public final class PasswordStrengthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "password-strength";

    static final String RATE_LIMIT = "rate-limit";
    static final String RATE_LIMIT_WINDOW = "rate-limit-window";
    static final String MAX_BODY_BYTES = "max-body-bytes";

    private RateLimitSettings settings;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasswordStrengthResourceProvider(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = new RateLimitSettings(
                RateLimitSettings.RATE_LIMIT.parse(config.get(RATE_LIMIT), RateLimitSettings.DEFAULT_REQUESTS),
                RateLimitSettings.RATE_LIMIT_WINDOW.parse(
                        config.get(RATE_LIMIT_WINDOW), RateLimitSettings.DEFAULT_WINDOW_SECONDS),
                RateLimitSettings.MAX_BODY_BYTES.parse(
                        config.get(MAX_BODY_BYTES), RateLimitSettings.DEFAULT_MAX_BODY_BYTES));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RATE_LIMIT)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Strength checks one client IP may make per window (1-10000); more get 429.")
                .defaultValue(RateLimitSettings.DEFAULT_REQUESTS)
                .add()
                .property()
                .name(RATE_LIMIT_WINDOW)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Length of the rate-limit window in seconds (1-3600).")
                .defaultValue(RateLimitSettings.DEFAULT_WINDOW_SECONDS)
                .add()
                .property()
                .name(MAX_BODY_BYTES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Largest request body read, in bytes (64-65536); larger bodies get 413.")
                .defaultValue(RateLimitSettings.DEFAULT_MAX_BODY_BYTES)
                .add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
