package io.github.b2bpack.sms.code;

import io.github.b2bpack.sms.option.OptionBounds;
import java.time.Duration;

/**
 * How one-time codes are made and checked in a realm: length, lifetime, attempts per code, resend
 * cooldown and send caps. Built from the authenticator configuration; out-of-range values are a
 * configuration error ({@link io.github.b2bpack.sms.option.InvalidOptionException}) rather than being
 * clamped silently.
 */
public record CodePolicy(
        int length,
        Duration ttl,
        int maxAttempts,
        Duration resendCooldown,
        int maxSendsPerUserPerHour,
        int maxSendsPerIpPerHour) {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;
    public static final int MIN_TTL_SECONDS = 30;
    public static final int MAX_TTL_SECONDS = 900;
    public static final int MAX_ATTEMPTS = 3;

    public static final CodePolicy DEFAULTS =
            new CodePolicy(6, Duration.ofSeconds(600), MAX_ATTEMPTS, Duration.ofSeconds(30), 5, 20);

    public CodePolicy {
        OptionBounds.requireBetween("codeLength", length, MIN_LENGTH, MAX_LENGTH);
        OptionBounds.requireBetween("codeTtlSeconds", ttl.toSeconds(), MIN_TTL_SECONDS, MAX_TTL_SECONDS);
        OptionBounds.requireBetween("maxAttempts", maxAttempts, 1, 10);
        OptionBounds.requireBetween("resendCooldownSeconds", resendCooldown.toSeconds(), 0, 600);
        OptionBounds.requireBetween("maxSendsPerUserPerHour", maxSendsPerUserPerHour, 1, 100);
        OptionBounds.requireBetween("maxSendsPerIpPerHour", maxSendsPerIpPerHour, 1, 10_000);
    }
}
