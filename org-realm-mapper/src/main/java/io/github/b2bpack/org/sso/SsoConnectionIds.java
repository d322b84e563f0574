package io.github.b2bpack.org.sso;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Connection ids in Cryptr's form, {@code <domain with underscores>_<22 base58 characters>}
 * ({@code barker_inc_S6f5ndf8mZqfoBKoxEotMV}): the organization is readable from the id, so
 * {@code PUT /sso-connections/{id}} finds the connection without scanning every realm.
 */
public final class SsoConnectionIds {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 22;
    private static final Pattern ID = Pattern.compile("([a-z0-9]+(?:_[a-z0-9]+)*)_([1-9A-HJ-NP-Za-km-z]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SsoConnectionIds() {}

    public static String next(String slug) {
        StringBuilder id = new StringBuilder(slug.replace('-', '_')).append('_');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(BASE58.charAt(RANDOM.nextInt(BASE58.length())));
        }
        return id.toString();
    }

    /** The organization's domain named by a well-formed id; empty for anything else (answered 404). */
    public static Optional<String> slugOf(String id) {
        if (id == null || id.length() > 200) {
            return Optional.empty();
        }
        var matcher = ID.matcher(id);
        return matcher.matches() ? Optional.of(matcher.group(1).replace('_', '-')) : Optional.empty();
    }
}
