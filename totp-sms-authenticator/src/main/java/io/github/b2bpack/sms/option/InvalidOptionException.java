package io.github.b2bpack.sms.option;

/**
 * A configuration value (realm authenticator configuration or SPI option) outside its allowed range.
 * The message names the option and the rule, never the value, which could be a secret.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    public InvalidOptionException(String option, String problem) {
        super(option + " " + problem);
    }
}
