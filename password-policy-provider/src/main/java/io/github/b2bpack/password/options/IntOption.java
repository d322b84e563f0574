package io.github.b2bpack.password.options;

/**
 * An integer SPI option and the range it accepts. Every bounded integer option of this module is read
 * through it, so that a bad value stops the server at startup with one message that names the option,
 * the value given and the range: {@code Option <name>=<value> is invalid: expected an integer in [min, max]}.
 *
 * @param name the option as the operator writes it, without the leading dashes
 *             ({@code spi-password-hashing--bcrypt--max-cost})
 * @param min  lowest value accepted
 * @param max  highest value accepted
 */
public record IntOption(String name, int min, int max) {

    public IntOption {
        if (min > max) {
            throw new IllegalArgumentException(name + ": empty range [" + min + ", " + max + "]");
        }
    }

    /** An option whose range is checked elsewhere (with other options), so only its form is checked here. */
    public static IntOption anyInt(String name) {
        return new IntOption(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * @param raw          the configured text, {@code null} or blank when the option is not set
     * @param defaultValue the value when it is not set (not range-checked: defaults are the code's own)
     * @throws IllegalArgumentException when the text is not an integer in range
     */
    public int parse(String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(raw);
        }
        if (value < min || value > max) {
            throw invalid(raw);
        }
        return value;
    }

    /** The value itself, when in range. */
    public int require(int value) {
        if (value < min || value > max) {
            throw invalid(Integer.toString(value));
        }
        return value;
    }

    private IllegalArgumentException invalid(String raw) {
        boolean bounded = min != Integer.MIN_VALUE || max != Integer.MAX_VALUE;
        return new IllegalArgumentException("Option " + name + "=" + raw + " is invalid: expected an integer"
                + (bounded ? " in [" + min + ", " + max + "]" : ""));
    }
}
