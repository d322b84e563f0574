package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.challenge.AppAttemptSlots;
import io.github.b2bpack.sms.method.AttemptBudget;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The user's app-code checks of the current OTP period ({@link AppAttemptSlots}): a code is compared only
 * after one is claimed, so parallel submissions get no more checks (and no more brute-force failures) than
 * sequential ones.
 */
final class AppAttempts {

    private AppAttempts() {}

    static boolean claim(KeycloakSession session, RealmModel realm, UserModel user) {
        AttemptBudget budget = new AttemptBudget(
                AttemptBudget.DEFAULT_ATTEMPTS, realm.getOTPPolicy().getPeriod());
        return AppAttemptSlots.claim(session.singleUseObjects(), budget, realm.getId(), user.getId());
    }
}
