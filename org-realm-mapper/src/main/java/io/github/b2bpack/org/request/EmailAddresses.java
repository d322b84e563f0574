package io.github.b2bpack.org.request;

/**
 * The one check of an email address the users and administrators APIs share, so an address one accepts the
 * other does too: one {@code @}, something on both sides, a dot in the domain, no space or control character,
 * {@value UserRequest#MAX_EMAIL} characters at most.
 */
public final class EmailAddresses {

    private EmailAddresses() {}

    /** The address stripped of surrounding blanks; a refused one throws {@code IllegalArgumentException}. */
    public static String check(String raw, String where) {
        String email = raw == null ? "" : raw.strip();
        int at = email.indexOf('@');
        if (email.length() > UserRequest.MAX_EMAIL
                || at < 1
                || at != email.lastIndexOf('@')
                || at == email.length() - 1
                || email.indexOf('.', at) < 0
                || email.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException(where + " must be an email address");
        }
        return email;
    }
}
