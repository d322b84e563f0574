package io.github.b2bpack.org.ownership;

import java.util.List;
import java.util.Optional;

/**
 * Server-wide email-domain ownership settings: the public mail domains no organization may claim, and
 * the resolver the TXT challenges are checked through.
 */
public record OwnershipSettings(PublicEmailDomains publicDomains, DnsTxtResolver resolver) {

    /** The first public domain among {@code domains} (normalized), if any. */
    public Optional<String> firstPublic(List<String> domains) {
        return domains.stream().filter(publicDomains::isPublic).findFirst();
    }
}
