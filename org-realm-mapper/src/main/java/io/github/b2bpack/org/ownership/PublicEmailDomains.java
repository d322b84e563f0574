package io.github.b2bpack.org.ownership;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Mail domains anyone can get an address at (gmail.com, outlook.com, …): no organization may claim
 * them, since a claim routes every address of the domain to the organization's realm.
 *
 * <p>List format, one entry a line: a domain ({@code gmail.com}), or {@code name.*} for a brand's
 * country domains ({@code yahoo.*}: {@code yahoo.fr}, {@code yahoo.co.uk}, {@code yahoo.com.br} — the
 * name followed by one label, or by two labels the first of which has at most 3 characters);
 * {@code #} starts a comment; case, a trailing dot and Unicode (stored as punycode) are normalized as
 * organization domains are. A domain is public when it, or any domain it is a subdomain of, is listed:
 * {@code mail.gmail.com} is refused because gmail.com's owner controls it, not the claimant.
 */
public final class PublicEmailDomains {

    /** The shipped list, in the jar. */
    public static final String RESOURCE = "b2bpack/public-email-domains.txt";

    private final Set<String> exact;
    private final Set<String> brands;

    private PublicEmailDomains(Set<String> exact, Set<String> brands) {
        this.exact = Set.copyOf(exact);
        this.brands = Set.copyOf(brands);
    }

    /**
     * The effective list: {@code file} (replacing the shipped one) or the shipped list, plus
     * {@code extra}, minus {@code removed} (entries as written in the list, e.g. {@code orange.fr}).
     */
    public static PublicEmailDomains load(String file, Collection<String> extra, Collection<String> removed) {
        String text;
        if (file != null && !file.isBlank()) {
            try {
                text = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read the public email domain list " + file.trim() + ": " + e);
            }
        } else {
            try (InputStream in = PublicEmailDomains.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE + " in the jar");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder all = new StringBuilder(text).append('\n');
        extra.forEach(e -> all.append(e).append('\n'));
        return parse(all.toString(), removed);
    }

    /**
     * Parses a list; an invalid entry throws {@link IllegalArgumentException} naming its line, so a
     * broken operator file stops the server at start rather than silently allowing domains.
     */
    public static PublicEmailDomains parse(String text, Collection<String> removed) {
        Set<String> exact = new HashSet<>();
        Set<String> brands = new HashSet<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<Entry> entry = entry(lines[i]);
            if (entry.isEmpty()) {
                continue;
            }
            (entry.get().brand() ? brands : exact).add(entry.get().name());
        }
        for (String r : removed) {
            entry(r).ifPresent(e -> (e.brand() ? brands : exact).remove(e.name()));
        }
        return new PublicEmailDomains(exact, brands);
    }

    /** One line: empty for blank or comment lines; throws on an invalid entry. */
    static Optional<Entry> entry(String line) {
        String clean = line;
        int hash = clean.indexOf('#');
        if (hash >= 0) {
            clean = clean.substring(0, hash);
        }
        clean = clean.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        boolean brand = clean.endsWith(".*");
        String name = brand ? clean.substring(0, clean.length() - 2) : clean;
        String normalized = EmailDomains.normalize(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "invalid entry in the public email domain list: '" + EmailDomains.printable(line) + "'"));
        if (brand && normalized.contains(".")) {
            throw new IllegalArgumentException(
                    "a wildcard entry is one label then .*: '" + EmailDomains.printable(line) + "'");
        }
        return Optional.of(new Entry(normalized, brand));
    }

    /** Whether {@code domain} (any form: case, trailing dot, Unicode) is or is under a listed domain. */
    public boolean isPublic(String domain) {
        Optional<String> normalized = EmailDomains.normalize(domain);
        if (normalized.isEmpty()) {
            return false;
        }
        String[] labels = normalized.get().split("\\.");
        for (int start = 0; start < labels.length; start++) {
            if (exact.contains(join(labels, start))) {
                return true;
            }
            if (brands.contains(labels[start]) && brandTail(labels, start + 1)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return exact.size() + brands.size();
    }

    /** After a brand label: exactly one label ({@code fr}), or two whose first is short ({@code co.uk}). */
    private static boolean brandTail(String[] labels, int from) {
        int remaining = labels.length - from;
        return remaining == 1 || (remaining == 2 && labels[from].length() <= 3);
    }

    private static String join(String[] labels, int start) {
        return String.join(".", java.util.Arrays.asList(labels).subList(start, labels.length));
    }

    record Entry(String name, boolean brand) {}
}
