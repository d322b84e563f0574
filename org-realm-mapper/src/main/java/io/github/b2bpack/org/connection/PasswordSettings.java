package io.github.b2bpack.org.connection;

import io.github.b2bpack.org.model.OrganizationException;
import java.util.Set;

/**
 * A password connection as the realm enforces it: whether the browser flow asks for a password, and the password
 * policy's {@code length}, {@code maxLength}, {@code zxcvbn} and {@code hibp} values (null where the policy has no such
 * entry). {@code pepper_rotation_period} has no per-realm value: peppers are server-wide and rotate when the operator
 * makes a new key current (docs/password-policy-provider.md), so it is always null and a value is refused.
 */
public record PasswordSettings(
        boolean active, Integer minLength, Integer maxLength, Integer zxcvbnMinScore, Integer hibpThreshold) {

    /** Longest bound accepted: far above any real policy, low enough that a typo cannot ask for absurd passwords. */
    public static final int LENGTH_LIMIT = 1024;

    public static final int HIBP_LIMIT = 1_000_000_000;

    static final String ACTIVE = "active";
    static final String MIN = "plain_text_min_length";
    static final String MAX = "plain_text_max_length";
    static final String PEPPER = "pepper_rotation_period";
    static final String ZXCVBN = "zxcvbn_min_score";
    static final String HIBP = "hibp_threshold";
    private static final Set<String> FIELDS = Set.of(ACTIVE, MIN, MAX, PEPPER, ZXCVBN, HIBP);

    /**
     * These settings with the change of {@code body} applied: a field absent keeps its value, a length, score or
     * threshold given as null removes that policy entry. Every field is checked before anything is returned, so a
     * refused body changes nothing.
     */
    public PasswordSettings changedBy(String body) {
        ConnectionBody change = ConnectionBody.parse(body, FIELDS);
        if (change.text(PEPPER) != null) {
            throw new OrganizationException(
                    OrganizationException.Kind.INVALID,
                    "unsupported_setting",
                    PEPPER + " cannot be set per organization: peppers are server-wide and rotate when the"
                            + " operator makes a new key current");
        }
        Boolean newActive = change.bool(ACTIVE);
        Integer min = change.has(MIN) ? change.integer(MIN, 1, LENGTH_LIMIT) : minLength;
        Integer max = change.has(MAX) ? change.integer(MAX, 1, LENGTH_LIMIT) : maxLength;
        Integer zxcvbn = change.has(ZXCVBN) ? change.integer(ZXCVBN, 0, 4) : zxcvbnMinScore;
        Integer hibp = change.has(HIBP) ? change.integer(HIBP, 1, HIBP_LIMIT) : hibpThreshold;
        if (min != null && max != null && min > max) {
            throw ConnectionBody.invalid(MIN + " (" + min + ") must not be greater than " + MAX + " (" + max + ")");
        }
        return new PasswordSettings(newActive == null ? active : newActive, min, max, zxcvbn, hibp);
    }
}
