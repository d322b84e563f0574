package io.github.b2bpack.org.request;

import io.github.b2bpack.org.model.EnvironmentStatuses;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import java.util.List;

/**
 * A checked update; {@code name} (trimmed) and {@code emailDomains} (claimable) are null when left
 * unchanged, {@code environments} names only the environments to change.
 */
public record OrganizationChange(String name, List<String> emailDomains, EnvironmentStatuses environments) {

    /**
     * Reads an update body of the organization {@code slug}; a refused one throws {@link OrganizationException}
     * (INVALID, with its API code).
     */
    public static OrganizationChange of(String body, String slug, OwnershipSettings ownership) {
        OrganizationRequest request = Refusals.reading(() -> OrganizationRequest.parse(body));
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw Refusals.invalid("immutable_domain", "domain never changes once the organization exists");
        }
        String name = null;
        if (request.name() != null) {
            Refusals.reading(() -> OrganizationRequest.slugOfName(request.name()));
            name = request.name().trim();
        }
        List<String> domains = request.allowedEmailDomains() == null
                ? null
                : Refusals.claimable(request.allowedEmailDomains(), ownership);
        return new OrganizationChange(
                name, domains, request.environments() == null ? EnvironmentStatuses.NONE : request.environments());
    }
}
