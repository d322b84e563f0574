package io.github.b2bpack.webhook.event;

import org.keycloak.models.RealmModel;

/**
 * What {@code org-realm-mapper} knows about the organization a realm belongs to, read from the realm
 * attributes it sets; both may be null.
 */
public record OrganizationContext(String domain, String environment) {

    /** Realm attribute holding the organization's domain. */
    private static final String DOMAIN_ATTRIBUTE = "b2bpack.org.domain";
    /** Realm attribute holding the environment ({@code production}, {@code sandbox}, …). */
    private static final String ENVIRONMENT_ATTRIBUTE = "b2bpack.org.environment";

    public static final OrganizationContext NONE = new OrganizationContext(null, null);

    /** What {@code realm}'s attributes say; {@link #NONE} without a realm. */
    public static OrganizationContext of(RealmModel realm) {
        if (realm == null) {
            return NONE;
        }
        return new OrganizationContext(realm.getAttribute(DOMAIN_ATTRIBUTE), realm.getAttribute(ENVIRONMENT_ATTRIBUTE));
    }
}
