package io.github.b2bpack.magiclink.address;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address field of the magic-link page. Only a rough shape check (one {@code @}, no spaces or controls, at
 * most 254 characters, RFC 5321's path limit): the real check is whether a user has it, and unknown addresses get
 * the same answer as known ones anyway.
 */
public final class TypedAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");

    private TypedAddress() {}

    /** The trimmed address when it has the shape of one, else empty. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || !SHAPE.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
