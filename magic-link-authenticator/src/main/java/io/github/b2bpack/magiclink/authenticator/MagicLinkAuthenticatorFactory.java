package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** {@code b2bpack-magic-link} ("Magic link (email)"): the published id and config keys (docs/magic-link-authenticator.md). */
public final class MagicLinkAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "b2bpack-magic-link";

    private static final Authenticator SINGLETON = new MagicLinkAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Magic link (email)";
    }

    @Override
    public String getReferenceCategory() {
        return "magic-link";
    }

    @Override
    public String getHelpText() {
        return "Passwordless first factor: emails a single-use sign-in link to the address typed (or to the user an"
                + " earlier identity-first step named). Unknown addresses get the same page and no mail. Later steps"
                + " of the flow (SMS or OTP second factor) still run.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        MagicLinkSettings d = MagicLinkSettings.DEFAULTS;
        return ProviderConfigurationBuilder.create()
                .property()
                .name(MagicLinkSettings.TTL)
                .label("Link lifespan (seconds)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.ttlSeconds()))
                .helpText("How long a mailed link works, " + MagicLinkSettings.MIN_TTL + " to "
                        + MagicLinkSettings.MAX_TTL + " seconds (default 900, 15 minutes). Each link works once.")
                .add()
                .property()
                .name(MagicLinkSettings.BIND_TO_BROWSER)
                .label("Bind to the browser that asked")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .helpText("On: the link only signs in the browser where the address was typed (a link forwarded or"
                        + " intercepted is useless elsewhere). Off: it also works in another browser or device, which"
                        + " then finishes the same sign-in request (same client, redirect URI and state).")
                .add()
                .property()
                .name(MagicLinkSettings.ADDRESS_LIMIT)
                .label("Links per address")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.addressLimit()))
                .helpText("Most links sent to one address per address window (1 to " + MagicLinkSettings.MAX_LIMIT
                        + "). Unknown addresses count the same way, so the limit reveals nothing.")
                .add()
                .property()
                .name(MagicLinkSettings.ADDRESS_WINDOW)
                .label("Address window (seconds)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.addressWindowSeconds()))
                .helpText("Sliding window of the per-address limit, 1 to " + MagicLinkSettings.MAX_WINDOW + " seconds.")
                .add()
                .property()
                .name(MagicLinkSettings.IP_LIMIT)
                .label("Requests per client IP")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.ipLimit()))
                .helpText("Most link requests from one client IP (IPv6: one /64) per IP window (1 to "
                        + MagicLinkSettings.MAX_LIMIT + "), whether or not the address is known.")
                .add()
                .property()
                .name(MagicLinkSettings.IP_WINDOW)
                .label("IP window (seconds)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.ipWindowSeconds()))
                .helpText("Sliding window of the per-IP limit, 1 to " + MagicLinkSettings.MAX_WINDOW + " seconds.")
                .add()
                .property()
                .name(MagicLinkSettings.MINIMUM_ANSWER)
                .label("Minimum answer time (ms)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(d.minimumAnswerMillis()))
                .helpText("The \"check your email\" page is answered no sooner than this after the address was"
                        + " posted, so its timing does not tell a known address from an unknown one (0 to "
                        + MagicLinkSettings.MAX_MINIMUM_ANSWER + ", 0 turns it off).")
                .add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
