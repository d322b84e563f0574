package io.github.b2bpack.org.flows;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a browser flow still checks something after the username. Keycloak's identity-first username form only
 * names the user; switching off every credential step after it (the password, the magic link) would sign a person in
 * by their username alone (attacker reviews of 2026-12-07). The connections API asks this before switching a step off.
 */
public final class FirstFactors {

    /** Steps that name the user without checking anything. */
    static final Set<String> IDENTIFY_ONLY = Set.of("auth-username-form");

    /** Steps that check a credential of the user: a password, a link to their mailbox, a passkey, a certificate. */
    static final Set<String> CREDENTIAL_STEPS = Set.of(
            "auth-username-password-form",
            "auth-password-form",
            "b2bpack-magic-link",
            "webauthn-authenticator-passwordless",
            "auth-x509-client-username-form");

    private FirstFactors() {}

    /** True when switching {@code switchingOff} off would leave the username form running with no credential step. */
    public static boolean wouldLeaveUsernameAlone(BrowserFlowSteps flow, Set<String> switchingOff) {
        if (!flow.runsAny(IDENTIFY_ONLY)) {
            return false;
        }
        Set<String> remaining = new HashSet<>(CREDENTIAL_STEPS);
        remaining.removeAll(switchingOff);
        return !flow.runsAny(remaining);
    }
}
