package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.method.AttemptBudget;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Claims one of a user's {@link AttemptBudget#attempts()} authenticator-app checks per OTP period with
 * {@code putIfAbsent} in Keycloak's cluster-wide single-use store: of any number of parallel submissions at
 * most that many win. Each slot frees itself one period after it was claimed (an exact sliding period).
 */
public final class AppAttemptSlots {

    private AppAttemptSlots() {}

    public static boolean claim(SingleUseObjectProvider store, AttemptBudget budget, String realmId, String userId) {
        for (int slot = 0; slot < budget.attempts(); slot++) {
            if (store.putIfAbsent(budget.slotKey(realmId, userId, slot), budget.periodSeconds())) {
                return true;
            }
        }
        return false;
    }
}
