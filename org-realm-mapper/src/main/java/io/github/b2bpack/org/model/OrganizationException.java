package io.github.b2bpack.org.model;

/** A refused organization change, with the API error code the caller sees. */
public final class OrganizationException extends RuntimeException {

    public enum Kind {
        INVALID,
        CONFLICT
    }

    private final Kind kind;
    private final String code;

    public OrganizationException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
