package io.github.b2bpack.org.model;

import io.github.b2bpack.org.slug.Slugs;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An organization's environments, each a realm of its own. */
public enum Environment {
    PRODUCTION,
    SANDBOX;

    /** The name in the API's JSON and in the realm attribute that marks an organization realm's environment. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Realm name (and id) of this environment of an organization. */
    public String realmName(String slug) {
        return this == PRODUCTION ? Slugs.productionRealm(slug) : Slugs.sandboxRealm(slug);
    }

    /** Display name of this environment's realm. */
    public String displayName(String organizationName) {
        return this == PRODUCTION ? organizationName : organizationName + " (sandbox)";
    }

    /** The environment a request names, compared exactly ({@code production}, {@code sandbox}). */
    public static Optional<Environment> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
    }
}
