package io.github.b2bpack.org.request;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import java.util.List;
import java.util.function.Supplier;

/** Input the API refuses, as {@link OrganizationException}s of kind INVALID (answered 400 with their code). */
final class Refusals {

    static final String INVALID_REQUEST = "invalid_request";

    private Refusals() {}

    static OrganizationException invalid(String code, String message) {
        return new OrganizationException(OrganizationException.Kind.INVALID, code, message);
    }

    /** Runs one reading step; the {@link IllegalArgumentException} of malformed input becomes {@code invalid_request}. */
    static <T> T reading(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw invalid(INVALID_REQUEST, e.getMessage());
        }
    }

    /**
     * Normalized, de-duplicated email domains an organization may claim. A public mail domain routes every
     * address there to the claimant, so it is never claimable.
     */
    static List<String> claimable(List<String> emailDomains, OwnershipSettings ownership) {
        List<String> domains = reading(() -> EmailDomains.normalizeAll(emailDomains));
        ownership.firstPublic(domains).ifPresent(d -> {
            throw invalid(
                    "public_email_domain",
                    d + " is a public email domain: anyone can get an "
                            + "address there, so no organization can claim it");
        });
        return domains;
    }
}
