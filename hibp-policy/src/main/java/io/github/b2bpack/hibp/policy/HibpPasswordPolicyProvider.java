package io.github.b2bpack.hibp.policy;

import io.github.b2bpack.hibp.lookup.BreachCount;
import io.github.b2bpack.hibp.lookup.BreachLookup;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code hibp(N)}: refuses a password that appears at least N times in the
 * HaveIBeenPwned corpus. Runs wherever Keycloak validates a new password (registration,
 * update-password, reset, admin REST). The error never carries the password or its hash.
 */
public final class HibpPasswordPolicyProvider implements PasswordPolicyProvider {

    public static final String BREACHED_MESSAGE = "b2bpackPasswordBreached";
    public static final String UNAVAILABLE_MESSAGE = "b2bpackPasswordBreachCheckUnavailable";
    public static final int DEFAULT_THRESHOLD = 1;
    /**
     * Session attribute holding the last check's outcome in this request, {@code clean}, {@code breached}
     * or {@code unknown} (no answer: API down or this node's upstream budget spent), so the strength
     * endpoint of password-policy-provider can tell "not breached" from "not known" without importing us.
     */
    public static final String OUTCOME_ATTRIBUTE = "b2bpack.hibp.outcome";

    private static final Logger LOG = Logger.getLogger(HibpPasswordPolicyProvider.class);

    private final KeycloakSession session;
    private final BreachLookup lookup;

    HibpPasswordPolicyProvider(KeycloakSession session, BreachLookup lookup) {
        this.session = session;
        this.lookup = lookup;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return check(realm, password);
    }

    @Override
    public PolicyError validate(String user, String password) {
        return check(session.getContext().getRealm(), password);
    }

    private PolicyError check(RealmModel realm, String password) {
        if (password == null || password.isEmpty()) {
            return null; // length and emptiness are other policies' business
        }
        BreachCount count = lookup.lookup(password);
        BreachCount.Verdict verdict =
                count.verdict(threshold(realm), lookup.settings().failureMode());
        LOG.debugf("hibp policy: verdict %s from %s", verdict, count.source());
        if (session != null) {
            session.setAttribute(
                    OUTCOME_ATTRIBUTE,
                    !count.available() ? "unknown" : verdict == BreachCount.Verdict.BREACHED ? "breached" : "clean");
        }
        return switch (verdict) {
            case BREACHED -> new PolicyError(BREACHED_MESSAGE);
            case UNAVAILABLE_REFUSED -> new PolicyError(UNAVAILABLE_MESSAGE);
            case CLEAN, UNAVAILABLE_ALLOWED -> null;
        };
    }

    /** The realm's {@code hibp(N)} value, or the default when the realm has no hibp policy. */
    public static int threshold(RealmModel realm) {
        if (realm == null || realm.getPasswordPolicy() == null) {
            return DEFAULT_THRESHOLD;
        }
        Integer configured = realm.getPasswordPolicy().getPolicyConfig(HibpPasswordPolicyProviderFactory.ID);
        return configured == null ? DEFAULT_THRESHOLD : configured;
    }

    @Override
    public Object parseConfig(String value) {
        return parseThreshold(value);
    }

    /** Blank means the default; anything but an integer of at least 1 is a configuration error. */
    public static Integer parseThreshold(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THRESHOLD;
        }
        int threshold;
        try {
            threshold = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new PasswordPolicyConfigException(
                    "hibp: the breach count threshold must be a whole number of at least 1");
        }
        if (threshold < 1) {
            throw new PasswordPolicyConfigException("hibp: the breach count threshold must be at least 1");
        }
        return threshold;
    }

    @Override
    public void close() {}
}
