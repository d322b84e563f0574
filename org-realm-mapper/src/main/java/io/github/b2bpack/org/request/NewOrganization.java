package io.github.b2bpack.org.request;

import io.github.b2bpack.org.model.EnvironmentStatuses;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import java.util.List;

/**
 * A checked create: the slug made from the name, the trimmed name, the claimable email domains and the
 * environment statuses asked for.
 */
public record NewOrganization(String slug, String name, List<String> emailDomains, EnvironmentStatuses environments) {

    /** Reads a create body; a refused one throws {@link OrganizationException} (INVALID, with its API code). */
    public static NewOrganization of(String body, OwnershipSettings ownership) {
        OrganizationRequest request = Refusals.reading(() -> OrganizationRequest.parse(body));
        if (request.slug() != null) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, "domain is generated from the name and cannot be set");
        }
        String slug = Refusals.reading(() -> OrganizationRequest.slugOfName(request.name()));
        List<String> domains = Refusals.claimable(request.allowedEmailDomains(), ownership);
        return new NewOrganization(
                slug,
                request.name().trim(),
                domains,
                request.environments() == null ? EnvironmentStatuses.NONE : request.environments());
    }
}
