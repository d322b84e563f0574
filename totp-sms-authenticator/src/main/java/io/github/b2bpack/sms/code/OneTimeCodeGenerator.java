package io.github.b2bpack.sms.code;

import java.security.SecureRandom;

/** Uniformly random decimal codes from a {@link SecureRandom}. */
public final class OneTimeCodeGenerator {

    private final SecureRandom random;

    public OneTimeCodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public String next(int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
