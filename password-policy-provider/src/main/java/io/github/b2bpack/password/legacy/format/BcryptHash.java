package io.github.b2bpack.password.legacy.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * A bcrypt hash in the modular crypt format {@code $2a$}, {@code $2b$} or {@code $2y$}:
 * {@code $2b$<cost>$<22 chars salt><31 chars hash>} in bcrypt's own Base64 alphabet.
 * As every bcrypt implementation, only the first 72 bytes of the UTF-8 password count.
 */
public final class BcryptHash implements LegacyHash {

    /** bcrypt's minimum cost. */
    public static final int MIN_COST = 4;

    private static final Pattern FORMAT =
            Pattern.compile("\\$(2[aby])\\$(\\d\\d)\\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})");

    private final String version;
    private final int cost;
    private final byte[] salt;
    private final byte[] hash;

    private BcryptHash(String version, int cost, byte[] salt, byte[] hash) {
        this.version = version;
        this.cost = cost;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * @param maxCost the highest cost accepted: each step doubles the work, so a hostile import of
     *                cost 31 would otherwise pin a CPU for days per login attempt
     */
    public static BcryptHash parse(String encoded, int maxCost) throws HashRejected {
        Matcher m = encoded == null || encoded.length() != 60 ? null : FORMAT.matcher(encoded);
        if (m == null || !m.matches()) {
            throw new HashRejected("not a $2a$/$2b$/$2y$ bcrypt hash");
        }
        int cost = Integer.parseInt(m.group(2));
        if (cost < MIN_COST || cost > maxCost) {
            throw new HashRejected("bcrypt cost " + cost + " outside [" + MIN_COST + ", " + maxCost + "]");
        }
        return new BcryptHash(
                m.group(1), cost, BcryptBase64.decode(m.group(3), 16), BcryptBase64.decode(m.group(4), 23));
    }

    /** The stored cost (tests check the caps against it). */
    int cost() {
        return cost;
    }

    @Override
    public boolean matches(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        try {
            String candidate = OpenBSDBCrypt.generate(version, utf8, salt, cost);
            byte[] candidateHash = BcryptBase64.decode(candidate.substring(candidate.length() - 31), 23);
            return MessageDigest.isEqual(hash, candidateHash);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** bcrypt's Base64 variant: alphabet {@code ./A-Za-z0-9}, no padding, trailing bits ignored. */
    static final class BcryptBase64 {

        private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        private BcryptBase64() {}

        static byte[] decode(String text, int length) {
            byte[] out = new byte[length];
            int bits = 0;
            int buffer = 0;
            int pos = 0;
            for (int i = 0; i < text.length() && pos < length; i++) {
                buffer = (buffer << 6) | ALPHABET.indexOf(text.charAt(i));
                bits += 6;
                if (bits >= 8) {
                    bits -= 8;
                    out[pos++] = (byte) (buffer >> bits);
                    buffer &= (1 << bits) - 1;
                }
            }
            return out;
        }
    }
}
