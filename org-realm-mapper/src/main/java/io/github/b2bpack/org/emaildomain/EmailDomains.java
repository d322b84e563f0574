package io.github.b2bpack.org.emaildomain;

import java.net.IDN;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email-domain rules: normalizing, validating and matching domains of organizations. */
public final class EmailDomains {

    /** Most email domains an organization may hold. */
    public static final int MAX_DOMAINS = 50;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /**
     * Characters the JDK's IDNA2003 maps away (ß → ss, ς → σ, ZWJ/ZWNJ dropped; ẞ left unmapped) while IDNA2008 /
     * UTS #46 non-transitional, which registries, browsers and mail software use, keeps them: {@code straße.de} is
     * {@code xn--strae-oqa.de} there, a domain registered apart from {@code strasse.de}. Mapping them would let a
     * proof for one domain route and accept addresses at the other, so they are refused (the punycode form works).
     */
    private static final Pattern IDNA_DEVIATION = Pattern.compile("[\u00DF\u03C2\u1E9E\u200C\u200D]");

    private EmailDomains() {}

    /**
     * The canonical form of a domain (lowercase, IDN as punycode, no trailing dot), or empty when it
     * is not a syntactically valid host name.
     */
    public static Optional<String> normalize(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String trimmed = domain.trim();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()
                || trimmed.length() > 253
                || trimmed.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
                || IDNA_DEVIATION.matcher(trimmed).find()) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** Normalized, de-duplicated domains in input order; throws on the first invalid one. */
    public static List<String> normalizeAll(Collection<String> domains) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        if (domains == null) {
            return List.of();
        }
        for (String domain : domains) {
            result.add(normalize(domain)
                    .orElseThrow(() -> new IllegalArgumentException("invalid email domain: " + printable(domain))));
        }
        if (result.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException("at most " + MAX_DOMAINS + " email domains per organization");
        }
        return List.copyOf(result);
    }

    /** The normalized domain part of an email address, or empty when the address has none. */
    public static Optional<String> domainOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 320) {
            return Optional.empty();
        }
        return normalize(trimmed.substring(at + 1));
    }

    /** Whether an email belongs to one of the allowed domains; an empty list allows any address. */
    public static boolean allows(List<String> allowedDomains, String email) {
        if (allowedDomains == null || allowedDomains.isEmpty()) {
            return true;
        }
        Optional<String> domain = domainOf(email);
        return domain.isPresent()
                && allowedDomains.stream().map(d -> normalize(d).orElse("")).anyMatch(domain.get()::equals);
    }

    /** Input echoed in an error message, cut and stripped of control characters. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
