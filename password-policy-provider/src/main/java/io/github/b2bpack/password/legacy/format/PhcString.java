package io.github.b2bpack.password.legacy.format;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A hash in the PHC string format: {@code $<id>[$v=<version>][$<name>=<value>,…]$<salt>$<hash>},
 * salt and hash in unpadded standard Base64 (padding is tolerated).
 *
 * @see <a href="https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md">PHC string format</a>
 */
public record PhcString(String id, Integer version, Map<String, String> parameters, byte[] salt, byte[] hash) {

    /** Longer than any legitimate hash string; bounds parsing work on hostile input. */
    static final int MAX_LENGTH = 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern VALUE = Pattern.compile("[a-zA-Z0-9/+.-]{1,64}");
    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public static PhcString parse(String encoded) throws HashRejected {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH || encoded.charAt(0) != '$') {
            throw new HashRejected("not a PHC string");
        }
        String[] fields = encoded.substring(1).split("\\$", -1);
        int i = 0;
        String id = fields[i++];
        if (!ID.matcher(id).matches()) {
            throw new HashRejected("invalid PHC algorithm identifier");
        }
        Integer version = null;
        if (i < fields.length && fields[i].startsWith("v=")) {
            version = parseInt(fields[i++].substring(2), "version");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (i < fields.length && fields[i].contains("=")) {
            for (String pair : fields[i++].split(",", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!NAME.matcher(name).matches()
                        || !VALUE.matcher(value).matches()
                        || parameters.put(name, value) != null) {
                    throw new HashRejected("invalid PHC parameter list");
                }
            }
        }
        if (fields.length - i != 2) {
            throw new HashRejected("a PHC string needs a salt and a hash");
        }
        return new PhcString(
                id, version, Map.copyOf(parameters), base64(fields[i], "salt"), base64(fields[i + 1], "hash"));
    }

    /** An integer parameter that must be present and within {@code [min, max]}. */
    public int intParameter(String name, int min, int max) throws HashRejected {
        String value = parameters.get(name);
        if (value == null) {
            throw new HashRejected("missing PHC parameter " + name);
        }
        int parsed = parseInt(value, name);
        if (parsed < min || parsed > max) {
            throw new HashRejected("PHC parameter " + name + "=" + parsed + " outside [" + min + ", " + max + "]");
        }
        return parsed;
    }

    static int parseInt(String value, String what) throws HashRejected {
        // Decimal without sign or leading zeros, at most 10 digits: no overflow games.
        if (value.isEmpty()
                || value.length() > 10
                || !value.chars().allMatch(Character::isDigit)
                || (value.length() > 1 && value.charAt(0) == '0')) {
            throw new HashRejected("invalid PHC " + what);
        }
        long parsed = Long.parseLong(value);
        if (parsed > Integer.MAX_VALUE) {
            throw new HashRejected("PHC " + what + " too large");
        }
        return (int) parsed;
    }

    private static byte[] base64(String field, String what) throws HashRejected {
        if (!B64.matcher(field).matches()) {
            throw new HashRejected("invalid PHC " + what + " encoding");
        }
        String unpadded = field.replace("=", "");
        if (unpadded.length() % 4 == 1) {
            throw new HashRejected("invalid PHC " + what + " length");
        }
        try {
            return Base64.getDecoder().decode(unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw new HashRejected("invalid PHC " + what + " encoding");
        }
    }
}
