package io.github.b2bpack.sms;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What the module's authenticator factories share: how the admin console lists them (id, name, help
 * text, requirement choices, whether a user may set the step up), their brute-force reference
 * category, that they take a configuration, and no lifecycle unless a factory declares one.
 */
public abstract class SmsAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final String referenceCategory;
    private final boolean userSetupAllowed;
    private final Requirement[] requirementChoices;

    protected SmsAuthenticatorFactory(
            String id,
            String displayType,
            String helpText,
            String referenceCategory,
            boolean userSetupAllowed,
            Requirement... requirementChoices) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.referenceCategory = referenceCategory;
        this.userSetupAllowed = userSetupAllowed;
        this.requirementChoices = requirementChoices.clone();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return userSetupAllowed;
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return requirementChoices.clone();
    }

    @Override
    public final boolean isConfigurable() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
