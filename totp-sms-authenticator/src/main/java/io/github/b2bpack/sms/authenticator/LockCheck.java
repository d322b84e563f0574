package io.github.b2bpack.sms.authenticator;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Whether brute-force protection has locked the user: then even a right code is refused. */
final class LockCheck {

    private LockCheck() {}

    static boolean lockedOut(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        KeycloakSession session = context.getSession();
        return context.getProtector().isTemporarilyDisabled(session, realm, context.getUser())
                || context.getProtector().isPermanentlyLockedOut(session, realm, context.getUser());
    }
}
