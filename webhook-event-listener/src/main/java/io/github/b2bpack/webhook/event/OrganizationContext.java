package io.github.b2bpack.webhook.event;

/**
 * What {@code org-realm-mapper} knows about the organization a realm belongs to, read from the realm
 * attributes it sets; both may be null.
 */
public record OrganizationContext(String domain, String environment) {

    /** Realm attribute holding the organization's domain. */
    public static final String DOMAIN_ATTRIBUTE = "b2bpack.org.domain";
    /** Realm attribute holding the environment ({@code production}, {@code sandbox}, …). */
    public static final String ENVIRONMENT_ATTRIBUTE = "b2bpack.org.environment";

    public static final OrganizationContext NONE = new OrganizationContext(null, null);
}
