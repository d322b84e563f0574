package io.github.b2bpack.hibp.range;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-1 of a password split the way the range API needs it: the 5-hex-character prefix is the
 * only part that ever leaves the server; the 35-character suffix is compared locally.
 * {@link #toString()} deliberately hides both, so a stray log statement cannot leak them.
 */
public record PasswordHash(String prefix, String suffix, byte[] digest) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public PasswordHash {
        digest = digest.clone();
    }

    public static PasswordHash of(String password) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
        byte[] digest = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[40];
        for (int i = 0; i < 20; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        String full = new String(hex);
        return new PasswordHash(full.substring(0, 5), full.substring(5), digest);
    }

    /** The first 64 bits of the digest, big-endian: what the offline index is keyed by. */
    public long top64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xFF);
        }
        return v;
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash other && prefix.equals(other.prefix) && suffix.equals(other.suffix);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode() * 31 + suffix.hashCode();
    }
}
