package io.github.b2bpack.org.users;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules of user metadata ("metakeys", after Cryptr): a key is declared per organization before any user
 * holds it, and its values are stored as the user attribute {@value #PREFIX}{@code <key>}, declared in the
 * realm's user profile so Keycloak's unmanaged-attribute policy keeps them.
 */
public final class MetaKeys {

    /** Attribute-name prefix of metadata values. */
    public static final String PREFIX = "b2bpack.meta.";
    /** Longest key. */
    public static final int MAX_KEY_LENGTH = 40;
    /** Most keys one organization realm may declare (each is a user-profile attribute, read on every profile). */
    public static final int MAX_KEYS = 50;
    /** Longest value: Keycloak's attribute value column holds 255 characters before its long-value overflow. */
    public static final int MAX_VALUE_LENGTH = 255;

    /** A lower-case letter, then lower-case letters, digits or underscores: a subset of Keycloak's attribute names. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private MetaKeys() {}

    /** The key, or {@link IllegalArgumentException} with a message fit for the caller. */
    public static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is required");
        }
        if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be 1-" + MAX_KEY_LENGTH
                    + " characters: a lower-case letter, then lower-case letters, digits or underscores");
        }
        return key;
    }

    /** The value, or {@link IllegalArgumentException}: 1-255 characters without control characters. */
    public static String checkValue(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("value is required (remove-metadata removes a key)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("value contains control characters");
        }
        return value;
    }

    public static String attribute(String key) {
        return PREFIX + key;
    }

    /** The key an attribute name holds, if it is a metadata attribute with a valid key. */
    public static Optional<String> keyOf(String attribute) {
        if (attribute == null || !attribute.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String key = attribute.substring(PREFIX.length());
        return KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }
}
