package io.github.b2bpack.sms.recovery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovery codes of 16 Crockford base32 symbols (5 bits each, 80 bits in all), shown in groups of
 * four ({@code 7KQ2-M9XD-0RTV-3HJB}). Crockford's alphabet leaves out I, L, O and U, and
 * {@link #normalize} maps the look-alikes back, so a code read aloud or retyped still matches.
 */
public final class RecoveryCodeGenerator {

    public static final int COUNT = 5;
    public static final int SYMBOLS = 16;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SecureRandom random;

    public RecoveryCodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            codes.add(one());
        }
        return codes;
    }

    private String one() {
        StringBuilder s = new StringBuilder(SYMBOLS + 3);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return s.toString();
    }

    /** Canonical form of typed input: upper case, separators dropped, I/L→1, O→0; null if not a code. */
    public static String normalize(String input) {
        if (input == null || input.length() > 64) {
            return null;
        }
        StringBuilder s = new StringBuilder(SYMBOLS);
        for (int i = 0; i < input.length(); i++) {
            char c = Character.toUpperCase(input.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            if (c == 'I' || c == 'L') {
                c = '1';
            } else if (c == 'O') {
                c = '0';
            }
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            s.append(c);
        }
        return s.length() == SYMBOLS ? s.toString() : null;
    }
}
