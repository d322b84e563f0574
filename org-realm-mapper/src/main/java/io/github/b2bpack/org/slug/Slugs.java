package io.github.b2bpack.org.slug;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an organization name into its immutable slug (the API JSON's {@code domain}), and names the realms of its
 * environments. A slug is lowercase ASCII letters and digits separated by single dashes, so the
 * sandbox suffix {@code --sandbox} can never be produced by a name.
 */
public final class Slugs {

    /** Longest accepted organization name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Longest slug; realm names stay well under Keycloak's 255-character column. */
    public static final int MAX_SLUG_LENGTH = 63;

    /** Separator no slug contains (slugs never hold two dashes in a row). */
    public static final String SANDBOX_SUFFIX = "--sandbox";

    private Slugs() {}

    /**
     * The slug of a name, or empty when the name has no letter or digit to build one from
     * (empty, blank, punctuation only).
     */
    public static Optional<String> slugOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        // NFKD splits "é" into "e" + a combining accent, then the accent is dropped; ligatures
        // and letters without an ASCII decomposition fall through to the separator.
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("œ", "oe")
                .replace("Œ", "OE")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("đ", "d")
                .replace("Đ", "D");
        StringBuilder slug = new StringBuilder(decomposed.length());
        boolean pendingDash = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char lower = Character.toLowerCase(c);
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (pendingDash && slug.length() > 0) {
                    slug.append('-');
                }
                pendingDash = false;
                slug.append(lower);
            } else {
                pendingDash = true;
            }
        }
        String result = slug.toString();
        if (result.length() > MAX_SLUG_LENGTH) {
            result = result.substring(0, MAX_SLUG_LENGTH);
            while (result.endsWith("-")) {
                result = result.substring(0, result.length() - 1);
            }
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(result.toLowerCase(Locale.ROOT));
    }

    /** Whether a string is a slug this class could have produced (checked on paths and bodies). */
    public static boolean isSlug(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_SLUG_LENGTH
                && value.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** Realm name (and id) of the production environment. */
    public static String productionRealm(String slug) {
        return slug;
    }

    /** Realm name (and id) of the sandbox environment. */
    public static String sandboxRealm(String slug) {
        return slug + SANDBOX_SUFFIX;
    }
}
