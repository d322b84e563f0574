package io.github.b2bpack.password.legacy.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A single unsalted or salted message digest of the UTF-8 password, as legacy databases stored them:
 * {@code H(password)}, {@code H(salt ‖ password)} (salt {@link SaltPosition#BEFORE}) or
 * {@code H(password ‖ salt)} (salt {@link SaltPosition#AFTER}). The digest is given in hex (either
 * case) or Base64; the two are told apart by length.
 */
public final class SaltedDigest implements LegacyHash {

    /** Where the salt goes relative to the password. */
    public enum SaltPosition {
        NONE,
        BEFORE,
        AFTER;

        /** {@code before}, {@code after} or {@code none}; {@code null} means none when there is no salt. */
        public static SaltPosition parse(String value, boolean hasSalt) throws HashRejected {
            if (value == null) {
                if (hasSalt) {
                    throw new HashRejected("a salted digest needs saltPosition before or after");
                }
                return NONE;
            }
            SaltPosition position;
            try {
                position = valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new HashRejected("saltPosition must be before, after or none");
            }
            if ((position == NONE) == hasSalt) {
                throw new HashRejected(
                        hasSalt
                                ? "saltPosition none given with a salt"
                                : "saltPosition " + value + " given without a salt");
            }
            return position;
        }
    }

    private final String algorithm;
    private final byte[] expected;
    private final byte[] salt;
    private final SaltPosition position;

    private SaltedDigest(String algorithm, byte[] expected, byte[] salt, SaltPosition position) {
        this.algorithm = algorithm;
        this.expected = expected;
        this.salt = salt;
        this.position = position;
    }

    /**
     * @param jdkAlgorithm {@code MD5} or {@code SHA-1}
     * @param digest       the stored digest, hex or Base64
     * @param salt         the salt bytes, empty for none
     */
    public static SaltedDigest parse(String jdkAlgorithm, String digest, byte[] salt, SaltPosition position)
            throws HashRejected {
        int length = newDigest(jdkAlgorithm).getDigestLength();
        byte[] expected = decode(digest, length);
        if (salt.length > 1024) {
            throw new HashRejected("salt longer than 1024 bytes");
        }
        if ((position == SaltPosition.NONE) != (salt.length == 0)) {
            throw new HashRejected("salt and saltPosition disagree");
        }
        return new SaltedDigest(jdkAlgorithm, expected, salt.clone(), position);
    }

    @Override
    public boolean matches(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest md = newDigest(algorithm);
            if (position == SaltPosition.BEFORE) {
                md.update(salt);
            }
            md.update(utf8);
            if (position == SaltPosition.AFTER) {
                md.update(salt);
            }
            return MessageDigest.isEqual(expected, md.digest());
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    static byte[] decode(String digest, int length) throws HashRejected {
        if (digest == null) {
            throw new HashRejected("no digest");
        }
        String text = digest.trim();
        try {
            if (text.length() == 2 * length) {
                return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
            }
            int base64Chars = (length + 2) / 3 * 4;
            if (text.length() <= base64Chars && text.length() >= base64Chars - 2) {
                byte[] bytes = Base64.getDecoder().decode(text);
                if (bytes.length == length) {
                    return bytes;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the rejection below
        }
        throw new HashRejected("digest is neither " + 2 * length + " hex digits nor " + length + " bytes of Base64");
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
