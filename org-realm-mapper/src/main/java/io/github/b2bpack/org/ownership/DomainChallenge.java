package io.github.b2bpack.org.ownership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DNS TXT challenge proving control of an email domain: the organization publishes
 * {@code _b2bpack-challenge.<domain>. TXT "b2bpack-domain-verification=<token>"}, where the token is
 * random per organization and domain (stored with the claim, shown by the API).
 */
public final class DomainChallenge {

    public static final String RECORD_PREFIX = "_b2bpack-challenge.";
    public static final String VALUE_PREFIX = "b2bpack-domain-verification=";
    /** 32 random bytes, base64url without padding. */
    public static final int TOKEN_CHARS = 43;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_CHARS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DomainChallenge() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** Name of the TXT record for a normalized domain. */
    public static String recordName(String domain) {
        return RECORD_PREFIX + domain;
    }

    /** The TXT value to publish for a token. */
    public static String recordValue(String token) {
        return VALUE_PREFIX + token;
    }

    /**
     * The text of one TXT record as a resolver hands it over: JNDI joins a record's character-strings
     * with a space and quotes strings that contain one; zone-file style input quotes each string.
     * Long values split into several 255-byte strings are joined back without separator, as SPF and
     * DKIM readers do (RFC 7208 §3.3). Empty when the text is not a well-formed TXT rendering.
     */
    public static Optional<String> txtText(String raw) {
        if (raw == null || raw.length() > 4096) {
            return Optional.empty();
        }
        String text = raw.strip();
        StringBuilder joined = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\') {
                        end++;
                        if (end >= text.length()) {
                            return Optional.empty();
                        }
                    }
                    joined.append(text.charAt(end));
                    end++;
                }
                if (end >= text.length()) {
                    return Optional.empty();
                }
                i = end + 1;
            } else {
                // An unquoted string runs to the next space and holds no quote or backslash (JNDI quotes those).
                int end = i;
                while (end < text.length() && text.charAt(end) != ' ') {
                    if (text.charAt(end) == '"' || text.charAt(end) == '\\') {
                        return Optional.empty();
                    }
                    joined.append(text.charAt(end));
                    end++;
                }
                i = end;
            }
        }
        return Optional.of(joined.toString());
    }

    /** Whether any of the TXT records carries the expected value for {@code token}, compared in constant time. */
    public static boolean matches(Collection<String> txtRecords, String token) {
        if (!isToken(token) || txtRecords == null) {
            return false;
        }
        byte[] expected = recordValue(token).getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String record : txtRecords) {
            Optional<String> text = txtText(record);
            if (text.isPresent()) {
                // No early exit: the time taken does not tell which record (or how much of it) matched.
                found |= MessageDigest.isEqual(expected, text.get().strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        return found;
    }
}
