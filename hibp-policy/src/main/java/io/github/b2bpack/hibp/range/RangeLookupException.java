package io.github.b2bpack.hibp.range;

/**
 * The range API could not give an answer in time or in a valid form. The message names the kind of
 * failure only (status, timeout, malformed line number); never a prefix, hash or password.
 */
public final class RangeLookupException extends Exception {

    public RangeLookupException(String message) {
        super(message, null, false, false);
    }

    public RangeLookupException(String message, Throwable cause) {
        super(message + ": " + cause.getClass().getSimpleName(), null, false, false);
    }
}
