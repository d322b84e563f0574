package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The onboarding page, {@code /realms/<org realm>/b2bpack-sso-onboarding/<token>}. Server option
 * {@code --spi-realm-restapi-extension--b2bpack-sso-onboarding--lifespan} bounds a link's life (seconds).
 */
public final class OnboardingPageProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "b2bpack-sso-onboarding";
    public static final String OPTION_LIFESPAN = "lifespan";

    private long lifespanSeconds = OnboardingLink.DEFAULT_LIFESPAN_SECONDS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new OnboardingPage(session);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {
        long value = config.getLong(OPTION_LIFESPAN, OnboardingLink.DEFAULT_LIFESPAN_SECONDS);
        if (value < 60 || value > 90L * 24 * 3600) {
            // A wrong bound stops the server rather than issuing links that live far longer than intended.
            throw new IllegalArgumentException(OPTION_LIFESPAN + " must be between 60 seconds and 90 days");
        }
        lifespanSeconds = value;
    }

    long lifespanSeconds() {
        return lifespanSeconds;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(OPTION_LIFESPAN)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(OnboardingLink.DEFAULT_LIFESPAN_SECONDS)
                .helpText("Seconds an SSO onboarding link lives at most (60 to 7776000); an issuer may ask for less "
                        + "with expires_in. Default: " + OnboardingLink.DEFAULT_LIFESPAN_SECONDS + " (7 days).")
                .add()
                .build();
    }
}
