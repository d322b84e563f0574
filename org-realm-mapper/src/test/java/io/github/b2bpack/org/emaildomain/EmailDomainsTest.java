package io.github.b2bpack.org.emaildomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDomainsTest {

    @Test
    void domainsAreLowercasedPunycodedAndTrimmed() {
        assertEquals(Optional.of("acme.com"), EmailDomains.normalize(" ACME.com. "));
        assertEquals(Optional.of("xn--bcher-kva.example"), EmailDomains.normalize("Bücher.example"));
        assertEquals(Optional.of("communitz-app"), EmailDomains.normalize("communitz-app"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "acme..com",
                "-acme.com",
                "acme-.com",
                "ac me.com",
                "acme.com/x",
                "a@b.com",
                "x.\u0000y.com"
            })
    void malformedDomainsAreRejected(String domain) {
        assertEquals(Optional.empty(), EmailDomains.normalize(domain));
    }

    @Test
    void overlongDomainIsRejected() {
        assertEquals(Optional.empty(), EmailDomains.normalize(("a".repeat(60) + ".").repeat(5) + "com"));
    }

    @Test
    void normalizeAllDeduplicatesCaseInsensitivelyAndNamesTheBadOne() {
        assertEquals(
                List.of("acme.com", "acme.fr"), EmailDomains.normalizeAll(List.of("Acme.com", "acme.fr", "ACME.COM")));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> EmailDomains.normalizeAll(List.of("acme.com", "bad domain")));
        assertTrue(e.getMessage().contains("bad domain"), e.getMessage());
    }

    @Test
    void tooManyDomainsAreRejected() {
        List<String> many = java.util.stream.IntStream.range(0, EmailDomains.MAX_DOMAINS + 1)
                .mapToObj(i -> "d" + i + ".com")
                .toList();
        assertThrows(IllegalArgumentException.class, () -> EmailDomains.normalizeAll(many));
    }

    @Test
    void domainOfTakesThePartAfterTheLastAt() {
        assertEquals(Optional.of("acme.com"), EmailDomains.domainOf("Alice@ACME.com"));
        assertEquals(Optional.of("acme.com"), EmailDomains.domainOf("\"a@b\"@acme.com"));
        assertEquals(Optional.empty(), EmailDomains.domainOf("alice"));
        assertEquals(Optional.empty(), EmailDomains.domainOf("alice@"));
        assertEquals(Optional.empty(), EmailDomains.domainOf("@acme.com"));
        assertEquals(Optional.empty(), EmailDomains.domainOf(null));
    }

    @Test
    void allowsMatchesWholeDomainsOnly() {
        List<String> allowed = List.of("acme.com");
        assertTrue(EmailDomains.allows(allowed, "bob@Acme.COM"));
        assertFalse(EmailDomains.allows(allowed, "bob@evil-acme.com"));
        assertFalse(EmailDomains.allows(allowed, "bob@acme.com.evil.io"));
        assertFalse(EmailDomains.allows(allowed, "bob@sub.acme.com"));
        assertFalse(EmailDomains.allows(allowed, "not-an-email"));
        assertTrue(EmailDomains.allows(List.of(), "anyone@anywhere.io"));
    }
    /**
     * The JDK's IDN is IDNA2003, which maps the four "deviation" characters away (ß → ss, ς → σ, ZWJ/ZWNJ
     * dropped), while registries, browsers and mail software use IDNA2008 / UTS #46 non-transitional, where
     * straße.de (xn--strae-oqa.de) is a domain of its own, registered apart from strasse.de. Mapping them would
     * route and accept addresses at one domain by proof of another: the owner of strasse.de would get the users
     * of straße.de. Such names are refused instead (the punycode form, as the owner's registry gives it, works).
     */
    @ParameterizedTest
    @ValueSource(strings = {"straße.de", "STRAßE.de", "stra\u1E9Ee.de", "ςa.gr", "a\u200Db.com", "a\u200Cb.com"})
    void idna2003DeviationCharactersAreRefusedNotMapped(String domain) {
        assertEquals(Optional.empty(), EmailDomains.normalize(domain));
        assertEquals(Optional.empty(), EmailDomains.domainOf("alice@" + domain));
        assertFalse(EmailDomains.allows(List.of("strasse.de", "xn--a-zmb.gr", "ab.com"), "alice@" + domain));
    }

    @Test
    void deviationDomainsInPunycodeAreTheirOwnDomains() {
        assertEquals(Optional.of("xn--strae-oqa.de"), EmailDomains.normalize("xn--strae-oqa.de"));
        assertFalse(EmailDomains.allows(List.of("strasse.de"), "alice@xn--strae-oqa.de"));
    }
}
