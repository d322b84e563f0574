package io.github.b2bpack.sms.option;

/**
 * The range check of every numeric option, so that all of them refuse an out-of-range value the same
 * way ({@code "<option> must be between <min> and <max>"}) instead of clamping it silently.
 */
public final class OptionBounds {

    private OptionBounds() {}

    /** {@code value} when {@code min <= value <= max}; else an {@link InvalidOptionException} naming {@code option}. */
    public static long requireBetween(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidOptionException(option, "must be between " + min + " and " + max);
        }
        return value;
    }
}
