package io.github.b2bpack.org.dirsync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Directory Sync bearer token in Cryptr's shape, {@code <domain>.<environment>.<directory sync id>.<secret>}:
 * the prefix says which organization realm and which directory sync it belongs to (so a token of one
 * organization is refused by another's endpoint before any lookup), the secret is 48 random bytes. Only
 * {@link #hash()} is stored: the secret has 384 bits of entropy, so one SHA-256 is enough (a slow password hash
 * would only slow every SCIM call), and the prefix is hashed with it so a hash cannot be moved to another sync.
 */
public record DirectorySyncToken(String domain, String environment, String syncId, String secret) {

    /** Longest bearer value looked at; anything longer is not one of ours. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern ENVIRONMENT = Pattern.compile("production|sandbox");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{64}");
    private static final int SECRET_BYTES = 48;

    public DirectorySyncToken {
        if (!DOMAIN.matcher(domain).matches()
                || !ENVIRONMENT.matcher(environment).matches()
                || !ID.matcher(syncId).matches()
                || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("not a directory sync token");
        }
    }

    /** A new token with a fresh secret. */
    public static DirectorySyncToken issue(String domain, String environment, String syncId, SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new DirectorySyncToken(
                domain,
                environment,
                syncId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token an {@code Authorization: Bearer} header carries, or empty when it cannot be one of ours. */
    public static Optional<DirectorySyncToken> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DirectorySyncToken(parts[0], parts[1], parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the customer's directory sends as its bearer token; shown once. */
    public String value() {
        return domain + "." + environment + "." + syncId + "." + secret;
    }

    /** The stored form: base64url(SHA-256(value)). */
    public String hash() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(value()));
    }

    /** Whether this token is the one {@code storedHash} was made from, compared in constant time. */
    public boolean matches(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        // Never the secret: a token printed by mistake in a log must not be usable.
        return "DirectorySyncToken[" + domain + "." + environment + "." + syncId + ".***]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
