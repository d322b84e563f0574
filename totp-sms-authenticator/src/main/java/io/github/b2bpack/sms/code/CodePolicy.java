package io.github.b2bpack.sms.code;

import java.time.Duration;

/**
 * How one-time codes are made and checked in a realm: length, lifetime, attempts per code, resend
 * cooldown and send caps. Built from the authenticator configuration; out-of-range values are a
 * configuration error rather than being clamped silently.
 */
public record CodePolicy(int length, Duration ttl, int maxAttempts, Duration resendCooldown,
                         int maxSendsPerUserPerHour, int maxSendsPerIpPerHour) {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;
    public static final int MIN_TTL_SECONDS = 30;
    public static final int MAX_TTL_SECONDS = 900;
    public static final int MAX_ATTEMPTS = 3;

    public static final CodePolicy DEFAULTS = new CodePolicy(6, Duration.ofSeconds(600), MAX_ATTEMPTS,
            Duration.ofSeconds(30), 5, 20);

    public CodePolicy {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidPolicyException("codeLength", "must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
        long seconds = ttl.toSeconds();
        if (seconds < MIN_TTL_SECONDS || seconds > MAX_TTL_SECONDS) {
            throw new InvalidPolicyException("codeTtlSeconds", "must be between " + MIN_TTL_SECONDS + " and " + MAX_TTL_SECONDS);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidPolicyException("maxAttempts", "must be between 1 and 10");
        }
        if (resendCooldown.isNegative() || resendCooldown.toSeconds() > 600) {
            throw new InvalidPolicyException("resendCooldownSeconds", "must be between 0 and 600");
        }
        if (maxSendsPerUserPerHour < 1 || maxSendsPerUserPerHour > 100) {
            throw new InvalidPolicyException("maxSendsPerUserPerHour", "must be between 1 and 100");
        }
        if (maxSendsPerIpPerHour < 1 || maxSendsPerIpPerHour > 10_000) {
            throw new InvalidPolicyException("maxSendsPerIpPerHour", "must be between 1 and 10000");
        }
    }

    /** A configuration value outside its allowed range; the message names the option, never a secret. */
    public static final class InvalidPolicyException extends IllegalArgumentException {
        private final String option;

        public InvalidPolicyException(String option, String problem) {
            super(option + " " + problem);
            this.option = option;
        }

        public String option() {
            return option;
        }
    }
}
