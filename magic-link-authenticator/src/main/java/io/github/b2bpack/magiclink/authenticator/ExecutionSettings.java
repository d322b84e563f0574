package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;

/**
 * The settings of a magic-link execution, and whether a client's browser flow has an enabled one (Cryptr's
 * {@code active}): what the headless challenge needs, since no flow is running when it is called.
 */
public final class ExecutionSettings {

    private static final Logger LOG = Logger.getLogger(ExecutionSettings.class);

    private ExecutionSettings() {}

    /**
     * The execution's settings; a config broken after it was saved (an import, a direct database write) gives the
     * defaults, which are the safe ones (bound, 15 minutes, low limits), and a warning naming the key.
     */
    public static MagicLinkSettings of(RealmModel realm, AuthenticatorConfigModel config) {
        Map<String, String> values = config == null ? null : config.getConfig();
        try {
            return MagicLinkSettings.of(values);
        } catch (IllegalArgumentException e) {
            LOG.warnf("magic link: invalid configuration in realm %s: %s", realm.getName(), e.getMessage());
            return MagicLinkSettings.DEFAULTS;
        }
    }

    /** The settings of the first enabled magic-link step of {@code client}'s browser flow, if it has one. */
    public static Optional<MagicLinkSettings> active(RealmModel realm, ClientModel client) {
        AuthenticationFlowModel flow =
                AuthenticationFlowResolver.resolveBindingOverrideFlowForClient(client, "browser");
        if (flow == null) {
            flow = realm.getBrowserFlow();
        }
        return find(realm, flow, 0)
                .map(e -> of(
                        realm,
                        e.getAuthenticatorConfig() == null
                                ? null
                                : realm.getAuthenticatorConfigById(e.getAuthenticatorConfig())));
    }

    private static Optional<AuthenticationExecutionModel> find(
            RealmModel realm, AuthenticationFlowModel flow, int depth) {
        if (flow == null || depth > 10) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(e -> !e.isDisabled())
                .map(e -> e.isAuthenticatorFlow()
                        ? find(realm, realm.getAuthenticationFlowById(e.getFlowId()), depth + 1)
                        : Optional.of(e).filter(x -> MagicLinkAuthenticatorFactory.ID.equals(x.getAuthenticator())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
