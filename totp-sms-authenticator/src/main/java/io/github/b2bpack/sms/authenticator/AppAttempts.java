package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.method.AttemptBudget;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * Claims one of the user's {@link AttemptBudget#attempts()} app-code checks per OTP period before a code
 * is compared, with {@code putIfAbsent} in Keycloak's cluster-wide single-use store: of any number of
 * parallel submissions at most that many are ever compared (and counted by brute-force protection). Each
 * slot frees itself one period after it was claimed.
 */
final class AppAttempts {

    private AppAttempts() {}

    static AttemptBudget budget(RealmModel realm) {
        return new AttemptBudget(
                AttemptBudget.DEFAULT_ATTEMPTS, realm.getOTPPolicy().getPeriod());
    }

    static boolean claim(KeycloakSession session, RealmModel realm, UserModel user) {
        AttemptBudget budget = budget(realm);
        SingleUseObjectProvider store = session.singleUseObjects();
        for (int slot = 0; slot < budget.attempts(); slot++) {
            if (store.putIfAbsent(budget.slotKey(realm.getId(), user.getId(), slot), budget.periodSeconds())) {
                return true;
            }
        }
        return false;
    }
}
