package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.code.CodePolicy;
import io.github.b2bpack.sms.option.InvalidOptionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A realm's SMS settings, read from the {@code sms-otp-form} authenticator configuration. Parsing is
 * strict: a value outside its range raises {@link InvalidOptionException} naming the
 * option, so a misconfiguration is reported instead of silently weakening the factor.
 */
public record SmsOtpSettings(
        String senderId,
        CodePolicy policy,
        String defaultRegion,
        Set<String> allowedRegions,
        String webOtpHost,
        boolean allowVoip) {

    public static final String SENDER = "sender";
    public static final String CODE_LENGTH = "codeLength";
    public static final String CODE_TTL = "codeTtlSeconds";
    public static final String RESEND_COOLDOWN = "resendCooldownSeconds";
    public static final String USER_CAP = "maxSendsPerUserPerHour";
    public static final String IP_CAP = "maxSendsPerIpPerHour";
    public static final String DEFAULT_REGION = "defaultRegion";
    public static final String ALLOWED_COUNTRIES = "allowedCountries";
    public static final String WEB_OTP_HOST = "webOtpHost";
    /** VoIP numbers are refused unless a realm says otherwise: they are cheap to get in bulk and to rent out. */
    public static final String ALLOW_VOIP = "allowVoip";

    /** No configuration at all: default policy, and no sender (sending is refused until one is chosen). */
    public static final SmsOtpSettings UNCONFIGURED =
            new SmsOtpSettings(null, CodePolicy.DEFAULTS, null, Set.of(), null, false);

    public static SmsOtpSettings from(Map<String, String> config) {
        if (config == null) {
            return UNCONFIGURED;
        }
        CodePolicy d = CodePolicy.DEFAULTS;
        CodePolicy policy = new CodePolicy(
                intOf(config, CODE_LENGTH, d.length()),
                Duration.ofSeconds(intOf(config, CODE_TTL, (int) d.ttl().toSeconds())),
                CodePolicy.MAX_ATTEMPTS,
                Duration.ofSeconds(
                        intOf(config, RESEND_COOLDOWN, (int) d.resendCooldown().toSeconds())),
                intOf(config, USER_CAP, d.maxSendsPerUserPerHour()),
                intOf(config, IP_CAP, d.maxSendsPerIpPerHour()));
        String sender = blankToNull(config.get(SENDER));
        String region = blankToNull(config.get(DEFAULT_REGION));
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            throw new InvalidOptionException(DEFAULT_REGION, "must be a 2-letter ISO 3166 region");
        }
        Set<String> allowed = parseRegions(config.get(ALLOWED_COUNTRIES));
        return new SmsOtpSettings(
                sender,
                policy,
                region == null ? null : region.toUpperCase(Locale.ROOT),
                allowed,
                blankToNull(config.get(WEB_OTP_HOST)),
                booleanOf(config, ALLOW_VOIP));
    }

    static Set<String> parseRegions(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> regions = Arrays.stream(value.split("[,\\s#]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String r : regions) {
            if (!r.matches("[A-Z]{2}")) {
                throw new InvalidOptionException(ALLOWED_COUNTRIES, "must list 2-letter ISO 3166 regions");
            }
        }
        return regions;
    }

    private static int intOf(Map<String, String> config, String key, int fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(key, "must be a whole number");
        }
    }

    private static boolean booleanOf(Map<String, String> config, String key) {
        String value = blankToNull(config.get(key));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidOptionException(key, "must be true or false");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
