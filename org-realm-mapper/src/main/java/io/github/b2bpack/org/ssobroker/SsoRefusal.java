package io.github.b2bpack.org.ssobroker;

/**
 * A refused SSO connection change, answered 400 (or {@link #status()}) with its code; thrown before anything is
 * written, or with the transaction then rolled back, so nothing is half-created.
 */
public final class SsoRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public SsoRefusal(String code, String message) {
        this(400, code, message);
    }

    public SsoRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
