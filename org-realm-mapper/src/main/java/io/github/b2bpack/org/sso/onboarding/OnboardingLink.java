package io.github.b2bpack.org.sso.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the cluster's single-use store keeps of an onboarding link: the realm it configures, its organization and
 * environment, and when it expires. The store's key is a SHA-256 of the link's token, so the store never holds a
 * usable link (a heap dump or a cache listing does not give one away).
 *
 * @param realm       the organization realm whose {@code b2bpack-sso} identity provider the link writes
 * @param slug        the organization's slug
 * @param environment {@code production} or {@code sandbox}
 * @param expiresAt   epoch seconds
 * @param providerType the SSO connection's {@code provider_type} the issuer chose, or null (the page's protocol's
 *                     generic type: saml.custom, oidc.generic)
 * @param usersAccessPolicy the {@code users_access_policy} the issuer chose, or null (provision_new_users, or the
 *                     existing connection's)
 * @param generation  the realm's onboarding generation when it was issued: a completed onboarding starts the next one,
 *                    which kills it
 */
public record OnboardingLink(
        String realm,
        String slug,
        String environment,
        long expiresAt,
        String providerType,
        String usersAccessPolicy,
        long generation) {

    /** A link that leaves the provider type and the policy to the page's defaults. */
    public OnboardingLink(String realm, String slug, String environment, long expiresAt) {
        this(realm, slug, environment, expiresAt, null, null, 0L);
    }

    /** A link of the first generation (before any completed onboarding). */
    public OnboardingLink(
            String realm,
            String slug,
            String environment,
            long expiresAt,
            String providerType,
            String usersAccessPolicy) {
        this(realm, slug, environment, expiresAt, providerType, usersAccessPolicy, 0L);
    }

    /** Seven days, as Cryptr's onboarding e-mails. */
    public static final long DEFAULT_LIFESPAN_SECONDS = 7L * 24 * 3600;

    private static final String KEY_PREFIX = "b2bpack.sso-onboarding.";
    private static final String USED_PREFIX = "b2bpack.sso-onboarding-used.";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: 256 random bits, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a path segment can be a token at all (anything else is refused before the store is asked). */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /** The store key of a live link. */
    public static String key(String token) {
        return KEY_PREFIX + digest(token);
    }

    /** The store key that remembers, until the link would have expired, that it was used. */
    public static String usedKey(String token) {
        return USED_PREFIX + digest(token);
    }

    /**
     * The lifespan an issuer asks for ({@code expires_in}, seconds): absent means the server's default; otherwise
     * 1 up to that default (an issuer may shorten a link, never lengthen it past the operator's bound).
     */
    public static long lifespan(String requested, long defaultSeconds) {
        if (requested == null || requested.isBlank()) {
            return defaultSeconds;
        }
        long seconds;
        try {
            seconds = Long.parseLong(requested.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expires_in must be a number of seconds");
        }
        if (seconds < 1 || seconds > defaultSeconds) {
            throw new IllegalArgumentException("expires_in must be between 1 and " + defaultSeconds + " seconds");
        }
        return seconds;
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>(Map.of(
                "realm",
                realm,
                "slug",
                slug,
                "environment",
                environment,
                "expires_at",
                Long.toString(expiresAt),
                "generation",
                Long.toString(generation)));
        if (providerType != null) {
            notes.put("provider_type", providerType);
        }
        if (usersAccessPolicy != null) {
            notes.put("users_access_policy", usersAccessPolicy);
        }
        return notes;
    }

    /** The link a store entry describes, or null when the entry is not one (absent, or written by something else). */
    public static OnboardingLink fromNotes(Map<String, String> notes) {
        if (notes == null
                || notes.get("realm") == null
                || notes.get("slug") == null
                || notes.get("environment") == null
                || notes.get("expires_at") == null) {
            return null;
        }
        try {
            return new OnboardingLink(
                    notes.get("realm"),
                    notes.get("slug"),
                    notes.get("environment"),
                    Long.parseLong(notes.get("expires_at")),
                    notes.get("provider_type"),
                    notes.get("users_access_policy"),
                    Long.parseLong(notes.getOrDefault("generation", "0")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the link is still valid at {@code nowSeconds} (the store also drops it at that time). */
    public boolean liveAt(long nowSeconds) {
        return nowSeconds < expiresAt;
    }

    /**
     * Whether the link belongs to the realm's current onboarding generation ({@code realmGeneration}): a completed
     * onboarding starts the next generation, so a forgotten or leaked link cannot point the organization's SSO at
     * another identity provider afterwards. A counter, not issue times, so nodes' clocks play no part.
     */
    public boolean belongsTo(long realmGeneration) {
        return generation == realmGeneration;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
