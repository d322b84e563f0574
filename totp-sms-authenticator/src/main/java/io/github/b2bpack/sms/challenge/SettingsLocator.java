package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.SmsProviderIds;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Finds the realm's SMS settings outside the authenticator (enrollment, admin API): the configuration
 * of the first {@code sms-otp-form} execution under the realm's browser flow, else in any flow.
 */
public final class SettingsLocator {

    private SettingsLocator() {}

    public static Map<String, String> rawConfig(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        Optional<AuthenticatorConfigModel> found =
                browser == null ? Optional.empty() : search(realm, browser.getId(), 0);
        if (found.isEmpty()) {
            found = realm.getAuthenticationFlowsStream()
                    .flatMap(f -> realm.getAuthenticationExecutionsStream(f.getId()))
                    .filter(e -> SmsProviderIds.SMS_OTP_FORM.equals(e.getAuthenticator())
                            && e.getAuthenticatorConfig() != null)
                    .map(e -> realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                    .filter(c -> c != null)
                    .findFirst();
        }
        return found.map(AuthenticatorConfigModel::getConfig).orElse(null);
    }

    private static Optional<AuthenticatorConfigModel> search(RealmModel realm, String flowId, int depth) {
        if (depth > 10) {
            return Optional.empty();
        }
        for (AuthenticationExecutionModel e :
                realm.getAuthenticationExecutionsStream(flowId).toList()) {
            if (e.isAuthenticatorFlow()) {
                Optional<AuthenticatorConfigModel> nested = search(realm, e.getFlowId(), depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            } else if (SmsProviderIds.SMS_OTP_FORM.equals(e.getAuthenticator()) && e.getAuthenticatorConfig() != null) {
                AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(e.getAuthenticatorConfig());
                if (config != null) {
                    return Optional.of(config);
                }
            }
        }
        return Optional.empty();
    }
}
