package io.github.b2bpack.password.hashing.nativelib;

import java.util.Arrays;

/**
 * The bytes of a password as Argon2 hashes them. Well-formed text gives exactly its UTF-8 bytes, the
 * bytes BouncyCastle (and so Keycloak's built-in {@code argon2}) hashes, so either provider verifies
 * the other's credentials. A lone surrogate, which UTF-8 cannot express, is written as the 3-byte
 * form of its code unit (WTF-8) rather than replaced by {@code ?}: replacing would make
 * {@code "a\uD800"} and {@code "a?"} the same password.
 */
public final class PasswordBytes {

    private PasswordBytes() {}

    /** The caller owns the returned array and must wipe it. */
    public static byte[] of(CharSequence password) {
        int length = password.length();
        byte[] buffer = new byte[Math.multiplyExact(length, 3)];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = password.charAt(i);
            if (c < 0x80) {
                buffer[n++] = (byte) c;
            } else if (c < 0x800) {
                buffer[n++] = (byte) (0xC0 | (c >> 6));
                buffer[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, password.charAt(++i));
                buffer[n++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[n++] = (byte) (0x80 | (codePoint & 0x3F));
            } else {
                // Any other BMP char, lone surrogates included: three bytes.
                buffer[n++] = (byte) (0xE0 | (c >> 12));
                buffer[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        byte[] bytes = Arrays.copyOf(buffer, n);
        Arrays.fill(buffer, (byte) 0);
        return bytes;
    }
}
