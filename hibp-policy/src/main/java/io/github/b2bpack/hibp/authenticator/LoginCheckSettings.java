package io.github.b2bpack.hibp.authenticator;

import io.github.b2bpack.hibp.lookup.FailureMode;
import java.util.Locale;
import java.util.Map;

/**
 * Per-execution settings of the login check (authenticator config in the admin console).
 *
 * @param refuseDirectGrant true: a breached password fails a direct grant; false: the hit is only recorded
 * @param failureMode       null: the server-wide {@code failure-mode}; otherwise this execution's own
 * @param threshold         null: the realm's {@code hibp(N)} policy value (1 without the policy)
 */
public record LoginCheckSettings(boolean refuseDirectGrant, FailureMode failureMode, Integer threshold) {

    static final String DIRECT_GRANT_ACTION = "directGrantAction";
    static final String FAILURE_MODE = "failureMode";
    static final String THRESHOLD = "threshold";

    public static LoginCheckSettings from(Map<String, String> config) {
        if (config == null) {
            return new LoginCheckSettings(true, null, null);
        }
        String action =
                config.getOrDefault(DIRECT_GRANT_ACTION, "refuse").trim().toLowerCase(Locale.ROOT);
        String threshold = config.get(THRESHOLD);
        Integer parsed = null;
        if (threshold != null && !threshold.isBlank()) {
            try {
                parsed = Math.max(1, Integer.parseInt(threshold.trim()));
            } catch (NumberFormatException e) {
                parsed = null; // an unreadable value falls back to the realm policy, never to "refuse everyone"
            }
        }
        // "server" and unknown values fall back to the server setting: a typo in the console must not break logins.
        FailureMode failureMode =
                FailureMode.find(config.getOrDefault(FAILURE_MODE, "server")).orElse(null);
        return new LoginCheckSettings(!action.equals("record"), failureMode, parsed);
    }
}
