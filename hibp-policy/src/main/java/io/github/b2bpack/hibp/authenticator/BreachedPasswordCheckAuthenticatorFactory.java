package io.github.b2bpack.hibp.authenticator;

import io.github.b2bpack.hibp.policy.HibpPasswordPolicyProviderFactory;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Authenticator {@code breached-password-check}. It shares the {@code hibp} policy's lookup (and so
 * its server-wide options, cache and metrics) instead of keeping a second cache.
 */
public final class BreachedPasswordCheckAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "breached-password-check";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
    };

    private KeycloakSessionFactory sessionFactory;

    @Override
    public Authenticator create(KeycloakSession session) {
        HibpPasswordPolicyProviderFactory policy = (HibpPasswordPolicyProviderFactory)
                sessionFactory.getProviderFactory(PasswordPolicyProvider.class, HibpPasswordPolicyProviderFactory.ID);
        policy.bindHttpClient(session);
        return new BreachedPasswordCheckAuthenticator(policy.lookup());
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(LoginCheckSettings.DIRECT_GRANT_ACTION)
                .label("Direct grant on a hit")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("refuse", "record")
                .defaultValue("refuse")
                .helpText(
                        "refuse: a direct grant with a breached password fails with invalid_grant and an error_description; "
                                + "record: the grant succeeds and only the event is recorded.")
                .add()
                .property()
                .name(LoginCheckSettings.FAILURE_MODE)
                .label("When HIBP is unavailable")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("server", "open", "closed")
                .defaultValue("server")
                .helpText("server: the server-wide failure-mode option; open: let the login continue; "
                        + "closed: refuse the login (HTTP 503 in a direct grant).")
                .add()
                .property()
                .name(LoginCheckSettings.THRESHOLD)
                .label("Breach count threshold")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText(
                        "Breach count at or above which the password counts as breached. Empty: the realm's hibp(N) policy value, or 1.")
                .add()
                .build();
    }

    @Override
    public String getDisplayType() {
        return "Breached password check (HIBP)";
    }

    @Override
    public String getHelpText() {
        return "After the password step: checks the submitted password against HaveIBeenPwned. A hit forces a password update "
                + "in the browser and refuses or records a direct grant.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
