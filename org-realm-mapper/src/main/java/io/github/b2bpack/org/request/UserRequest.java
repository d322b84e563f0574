package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.users.ProfileClaim;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user create or update body in Cryptr's shape, read field by field. Claims may sit where Cryptr's
 * create puts them ({@code profile.given_name}, {@code profile.address.country}, {@code profile.email},
 * {@code profile.phone_number}) or where its update does ({@code given_name}, {@code address.country},
 * {@code email}, {@code phone_number}); giving one claim in both places with different values is refused.
 * Absent fields are left unchanged on update; {@code null} clears a claim.
 *
 * @param email         the email, or null when absent
 * @param attributes    Keycloak attribute name → new value ({@code null}: remove), in a stable order
 * @param active        the {@code active} flag, or null when absent
 * @param emailVerified the {@code email_verified} flag, or null when absent
 */
public record UserRequest(String email, Map<String, String> attributes, Boolean active, Boolean emailVerified) {

    /** Largest accepted body; a full profile is under 2 KB. */
    public static final int MAX_BODY_CHARS = 16 * 1024;

    public static final int MAX_TEXT = 255;
    public static final int MAX_EMAIL = 254;

    private static final Set<String> TOP_FIELDS = Set.of("email", "profile", "address", "active", "email_verified");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ .()\\-]");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}-[0-9]{2})?");

    /** Reads a body; a refused one throws {@code OrganizationException} ({@code invalid_request}). */
    public static UserRequest of(String body) {
        return Refusals.reading(() -> parse(body));
    }

    /** Parses a body or throws {@link IllegalArgumentException} with a message fit for the caller. */
    public static UserRequest parse(String body) {
        JsonNode root = JsonBodies.object(body, MAX_BODY_CHARS);
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        String email = null;
        boolean emailGiven = false;
        JsonNode profile = root.get("profile");
        if (profile != null && !profile.isNull() && !profile.isObject()) {
            throw new IllegalArgumentException("profile must be an object");
        }
        for (JsonNode scope : new JsonNode[] {root, profile}) {
            if (scope == null || scope.isNull()) {
                continue;
            }
            String where = scope == root ? "" : "profile.";
            for (Iterator<Map.Entry<String, JsonNode>> fields = scope.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.equals("email")) {
                    String read = email(value, where + name);
                    if (emailGiven && !java.util.Objects.equals(read, email)) {
                        throw new IllegalArgumentException("email is given twice with different values");
                    }
                    email = read;
                    emailGiven = true;
                } else if (name.equals("address")) {
                    address(value, where + name, attributes, seen);
                } else if (scope == root && TOP_FIELDS.contains(name)) {
                    continue;
                } else {
                    ProfileClaim claim = ProfileClaim.byClaim(ProfileClaim.Group.PROFILE, name)
                            .or(() -> ProfileClaim.byClaim(ProfileClaim.Group.TOP, name))
                            .orElseThrow(() ->
                                    new IllegalArgumentException("unknown field '" + where + printable(name) + "'"));
                    put(claim, value, where + name, attributes, seen);
                }
            }
        }
        if (emailGiven && email == null) {
            throw new IllegalArgumentException("email cannot be removed");
        }
        return new UserRequest(
                email, Collections.unmodifiableMap(attributes), flag(root, "active"), flag(root, "email_verified"));
    }

    private static void address(
            JsonNode value, String where, Map<String, String> attributes, Map<String, String> seen) {
        if (value.isNull()) {
            for (ProfileClaim claim : ProfileClaim.of(ProfileClaim.Group.ADDRESS)) {
                put(claim, value, where + "." + claim.claim(), attributes, seen);
            }
            return;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            ProfileClaim claim = ProfileClaim.byClaim(ProfileClaim.Group.ADDRESS, field.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown field '" + where + "." + printable(field.getKey()) + "'"));
            put(claim, field.getValue(), where + "." + field.getKey(), attributes, seen);
        }
    }

    private static void put(
            ProfileClaim claim,
            JsonNode value,
            String where,
            Map<String, String> attributes,
            Map<String, String> seen) {
        String checked = value.isNull() ? null : check(claim, text(value, where), where);
        if (seen.containsKey(claim.attribute())
                && !java.util.Objects.equals(attributes.get(claim.attribute()), checked)) {
            throw new IllegalArgumentException(
                    where + " is also given as " + seen.get(claim.attribute()) + " with another value");
        }
        seen.put(claim.attribute(), where);
        attributes.put(claim.attribute(), checked);
    }

    /** A claim's value, normalized, or {@link IllegalArgumentException} naming the field. */
    static String check(ProfileClaim claim, String value, String where) {
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(where + " is longer than " + MAX_TEXT + " characters");
        }
        boolean multiline = claim.kind() == ProfileClaim.Kind.MULTILINE;
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r')))) {
            throw new IllegalArgumentException(where + " contains control characters");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        switch (claim.kind()) {
            case DATE -> {
                if (!DATE.matcher(trimmed).matches() || !validDate(trimmed)) {
                    throw new IllegalArgumentException(where + " must be a date YYYY-MM-DD (or a year YYYY)");
                }
            }
            case URL -> {
                if (!httpUrl(trimmed)) {
                    throw new IllegalArgumentException(where + " must be an absolute http or https URL");
                }
            }
            case PHONE -> {
                String phone = PHONE_SEPARATORS.matcher(trimmed).replaceAll("");
                if (!PHONE.matcher(phone).matches()) {
                    throw new IllegalArgumentException(
                            where + " must be a phone number in E.164 format (+33123456789)");
                }
                return phone;
            }
            case LOCALE -> {
                if (!LOCALE.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(where + " must be a language tag such as fr or en-GB");
                }
            }
            default -> {}
        }
        return trimmed;
    }

    private static boolean validDate(String date) {
        if (date.length() == 4) {
            return true;
        }
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String email(JsonNode value, String where) {
        if (value.isNull()) {
            return null;
        }
        return EmailAddresses.check(text(value, where), where);
    }

    private static String text(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + " must be a string or null");
        }
        return value.asText();
    }

    private static Boolean flag(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return value.asBoolean();
    }

    /** A field name as it may appear in an error: printable ASCII, at most 40 characters. */
    public static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
