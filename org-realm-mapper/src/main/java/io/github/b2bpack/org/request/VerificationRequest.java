package io.github.b2bpack.org.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.model.OrganizationException;

/**
 * The body of an email-domain verification: {@code {"method": "dns"}} (the default, also for an empty
 * body or no method) or {@code {"method": "manual"}}.
 *
 * @param method {@value EmailDomainClaim#BY_DNS} or {@value EmailDomainClaim#BY_MANUAL}
 */
public record VerificationRequest(String method) {

    /** Largest accepted body; the only field is the method. */
    public static final int MAX_BODY_CHARS = 1024;

    /** Reads a body; a refused one throws {@link OrganizationException} (INVALID). */
    public static VerificationRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new VerificationRequest(EmailDomainClaim.BY_DNS);
        }
        JsonNode method =
                Refusals.reading(() -> JsonBodies.object(body, MAX_BODY_CHARS)).get("method");
        if (method == null || method.isNull()) {
            return new VerificationRequest(EmailDomainClaim.BY_DNS);
        }
        if (!method.isTextual()
                || !(EmailDomainClaim.BY_DNS.equals(method.asText())
                        || EmailDomainClaim.BY_MANUAL.equals(method.asText()))) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, "method must be dns or manual");
        }
        return new VerificationRequest(method.asText());
    }

    /** An operator's word for it, without proof. */
    public boolean manual() {
        return EmailDomainClaim.BY_MANUAL.equals(method);
    }
}
