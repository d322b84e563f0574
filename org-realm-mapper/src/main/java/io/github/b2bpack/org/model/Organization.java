package io.github.b2bpack.org.model;

import java.util.List;

/**
 * An organization as the index knows it.
 *
 * @param slug           immutable slug (the JSON's {@code domain}), also the id and name of the production realm
 * @param emailDomains   normalized allowed email domains, in the operator's order
 * @param createdAt      epoch milliseconds
 * @param updatedAt      epoch milliseconds
 * @param productionUp   index mirror of the production realm's enabled flag
 * @param sandboxUp      index mirror of the sandbox realm's enabled flag
 * @param claims         the same domains with their ownership state, as stored (empty before storing)
 */
public record Organization(
        String slug,
        String name,
        List<String> emailDomains,
        long createdAt,
        long updatedAt,
        boolean productionUp,
        boolean sandboxUp,
        List<EmailDomainClaim> claims) {

    public Organization {
        emailDomains = List.copyOf(emailDomains);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** Domains whose ownership is proven: the only ones that route at discovery and accept users. */
    public List<String> verifiedDomains() {
        return claims.stream()
                .filter(EmailDomainClaim::verified)
                .map(EmailDomainClaim::domain)
                .toList();
    }

    public java.util.Optional<EmailDomainClaim> claim(String domain) {
        return claims.stream().filter(c -> c.domain().equals(domain)).findFirst();
    }
}
