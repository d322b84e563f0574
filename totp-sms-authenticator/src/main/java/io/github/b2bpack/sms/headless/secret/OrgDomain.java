package io.github.b2bpack.sms.headless.secret;

/**
 * Cryptr's {@code __domain__} and {@code __environment__} of an organization realm: the production realm is named
 * after the organization's slug, the sandbox realm is {@code <slug>--sandbox} (org-realm-mapper's convention; read
 * here from the name alone, since modules never import each other).
 */
public record OrgDomain(String domain, String environment) {

    static final String SANDBOX_SUFFIX = "--sandbox";

    public static OrgDomain of(String realmName) {
        if (realmName.endsWith(SANDBOX_SUFFIX) && realmName.length() > SANDBOX_SUFFIX.length()) {
            return new OrgDomain(realmName.substring(0, realmName.length() - SANDBOX_SUFFIX.length()), "sandbox");
        }
        return new OrgDomain(realmName, "production");
    }

    /** Whether a caller's {@code org_domain} (optional, as in Cryptr's body) names this organization. */
    public boolean accepts(String orgDomain) {
        return orgDomain == null || orgDomain.isEmpty() || orgDomain.equals(domain);
    }
}
