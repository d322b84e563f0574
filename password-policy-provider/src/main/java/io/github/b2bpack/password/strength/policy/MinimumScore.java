package io.github.b2bpack.password.strength.policy;

import org.keycloak.policy.PasswordPolicyConfigException;

/** The {@code zxcvbn} policy's value: the lowest zxcvbn score (0–4) a password may have. */
public final class MinimumScore {

    public static final int DEFAULT = 3;

    private MinimumScore() {}

    /** @throws PasswordPolicyConfigException for anything but an integer from 0 to 4 (blank means the default) */
    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String trimmed = value.trim();
        if (trimmed.length() == 1 && trimmed.charAt(0) >= '0' && trimmed.charAt(0) <= '4') {
            return trimmed.charAt(0) - '0';
        }
        throw new PasswordPolicyConfigException("zxcvbn: minimum score must be an integer from 0 to 4");
    }
}
