package io.github.b2bpack.org.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.b2bpack.org.userprofile.EmailDomainRule;
import io.github.b2bpack.org.slug.Slugs;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.services.managers.RealmManager;

/**
 * Organization lifecycle on top of Keycloak's realms: every change to the index and to the realms
 * happens in the caller's transaction, so they commit or roll back together.
 */
public final class OrganizationManager {

    /** Realm attribute naming the organization a realm belongs to (its immutable domain slug). */
    public static final String DOMAIN_ATTRIBUTE = "b2bpack.org.domain";
    /** Realm attribute naming the environment a realm serves: {@value #PRODUCTION} or {@value #SANDBOX}. */
    public static final String ENVIRONMENT_ATTRIBUTE = "b2bpack.org.environment";
    /**
     * Production-realm attribute saying whether the API has created the sandbox realm ({@value #SANDBOX_CREATED})
     * or not ({@value #SANDBOX_NONE}). Keycloak's realm cache holds realms that exist, not ids that do not, so
     * without this every listing or discovery of an organization with no sandbox would query the database.
     */
    public static final String SANDBOX_REALM_ATTRIBUTE = "b2bpack.org.sandbox-realm";
    static final String SANDBOX_NONE = "none";
    static final String SANDBOX_CREATED = "created";
    public static final String PRODUCTION = "production";
    public static final String SANDBOX = "sandbox";

    private static final Logger LOG = Logger.getLogger(OrganizationManager.class);

    /** Slugs that would shadow a path of the organization API. */
    private static final List<String> RESERVED = List.of("discovery");

    private final KeycloakSession session;
    private final RealmTemplate template;
    private final TemplateSanitizer sanitizer;
    private final OrganizationStore store;

    public OrganizationManager(KeycloakSession session, RealmTemplate template, TemplateSanitizer sanitizer,
                               DomainLookupCache cache) {
        this.session = session;
        this.template = template;
        this.sanitizer = sanitizer;
        this.store = new OrganizationStore(session, cache);
    }

    public OrganizationStore store() {
        return store;
    }

    /** Creates the index row and the production realm (and the sandbox realm when asked up). */
    public Organization create(String slug, String name, List<String> domains, Map<String, String> environments) {
        if (RESERVED.contains(slug) || store.exists(slug) || realmExists(Slugs.productionRealm(slug))
                || realmExists(Slugs.sandboxRealm(slug))) {
            throw new OrganizationException(OrganizationException.Kind.CONFLICT, "organization_exists",
                    "an organization or realm named '" + slug + "' already exists; choose another name");
        }
        requireDomainsFree(domains, slug);
        boolean productionUp = !"down".equals(environments.getOrDefault("production", "up"));
        boolean sandboxUp = "up".equals(environments.get("sandbox"));
        long now = System.currentTimeMillis();
        Organization org = store.insert(new Organization(slug, name, domains, now, now, productionUp, sandboxUp, null));
        RealmModel production = createRealm(slug, PRODUCTION, name, org, productionUp);
        if (sandboxUp) {
            createRealm(slug, SANDBOX, name + " (sandbox)", org, true);
        }
        production.setAttribute(SANDBOX_REALM_ATTRIBUTE, sandboxUp ? SANDBOX_CREATED : SANDBOX_NONE);
        return org;
    }

    /** Applies a change of name, email domains or environment status. */
    public Organization update(Organization current, String name, List<String> domains, Map<String, String> environments) {
        String newName = name == null ? current.name() : name;
        List<String> newDomains = domains == null ? current.emailDomains() : domains;
        if (domains != null) {
            requireDomainsFree(domains, current.slug());
        }
        boolean productionUp = environments.containsKey("production")
                ? "up".equals(environments.get("production")) : current.productionUp();
        boolean sandboxUp = environments.containsKey("sandbox")
                ? "up".equals(environments.get("sandbox")) : current.sandboxUp();
        Organization updated = store.update(new Organization(current.slug(), newName, newDomains, current.createdAt(),
                System.currentTimeMillis(), productionUp, sandboxUp, null));

        RealmModel production = realm(Slugs.productionRealm(current.slug())).orElse(null);
        if (production == null) {
            production = createRealm(current.slug(), PRODUCTION, newName, updated, productionUp);
        } else {
            production.setEnabled(productionUp);
            production.setDisplayName(newName);
            if (domains != null) {
                applyDomainRule(production, updated);
            }
        }
        // Read directly, not through the production realm's attribute: an update is rare and repairs it.
        RealmModel sandbox = realm(Slugs.sandboxRealm(current.slug())).orElse(null);
        if (sandbox == null && sandboxUp) {
            sandbox = createRealm(current.slug(), SANDBOX, newName + " (sandbox)", updated, true);
        } else if (sandbox != null) {
            sandbox.setEnabled(sandboxUp);
            sandbox.setDisplayName(newName + " (sandbox)");
            if (domains != null) {
                applyDomainRule(sandbox, updated);
            }
        }
        production.setAttribute(SANDBOX_REALM_ATTRIBUTE, sandbox != null ? SANDBOX_CREATED : SANDBOX_NONE);
        return updated;
    }

    /**
     * Marks a claim verified (by {@code by}: DNS or manual) if it is still the one checked, then lets the
     * organization's realms accept users at the domain. Throws CONFLICT when the claim changed meanwhile.
     */
    public Organization markVerified(Organization org, EmailDomainClaim claim, String by) {
        if (!store.markVerified(org.slug(), claim.domain(), claim.challenge(), by, System.currentTimeMillis())) {
            throw new OrganizationException(OrganizationException.Kind.CONFLICT, "email_domain_changed",
                    "the claim on " + claim.domain() + " changed while it was being verified; read the organization and retry");
        }
        Organization verified = store.find(org.slug()).orElseThrow();
        EnvironmentRealms found = realms(org.slug());
        found.production().ifPresent(r -> applyDomainRule(r, verified));
        found.sandbox().ifPresent(r -> applyDomainRule(r, verified));
        return verified;
    }

    /** Removes both realms and the index row. */
    public void delete(Organization org) {
        RealmManager realms = new RealmManager(session);
        realm(Slugs.sandboxRealm(org.slug())).ifPresent(realms::removeRealm);
        realm(Slugs.productionRealm(org.slug())).ifPresent(realms::removeRealm);
        store.delete(org.slug());
    }

    /** A realm by its immutable id (equal to its original name), whatever it has been renamed to. */
    public Optional<RealmModel> realm(String id) {
        return Optional.ofNullable(session.realms().getRealm(id));
    }

    /**
     * The organization's two realms. The production realm is read once (Keycloak's realm cache holds it);
     * the sandbox realm is not read at all when the production realm records that none was created, since
     * the realm cache does not hold the absence of a realm. Organizations created before that record
     * existed fall back to reading it.
     */
    public EnvironmentRealms realms(String slug) {
        Optional<RealmModel> production = realm(Slugs.productionRealm(slug));
        if (production.isPresent() && SANDBOX_NONE.equals(production.get().getAttribute(SANDBOX_REALM_ATTRIBUTE))) {
            return new EnvironmentRealms(production, Optional.empty());
        }
        return new EnvironmentRealms(production, realm(Slugs.sandboxRealm(slug)));
    }

    /** An organization's realms; either may be missing (deleted in the console, or a sandbox never created). */
    public record EnvironmentRealms(Optional<RealmModel> production, Optional<RealmModel> sandbox) {
    }

    private boolean realmExists(String name) {
        return session.realms().getRealm(name) != null || session.realms().getRealmByName(name) != null;
    }

    private void requireDomainsFree(List<String> domains, String slug) {
        List<String> taken = store.domainsOwnedByOthers(domains, slug);
        if (!taken.isEmpty()) {
            throw new OrganizationException(OrganizationException.Kind.CONFLICT, "email_domain_taken",
                    "email domain " + String.join(", ", taken) + " already belongs to another organization");
        }
    }

    /** Users are held to the verified domains; an organization claiming none has no rule (any address). */
    private void applyDomainRule(RealmModel realm, Organization org) {
        EmailDomainRule.apply(session, realm, org.emailDomains(), org.verifiedDomains());
    }

    private RealmModel createRealm(String slug, String environment, String displayName, Organization org, boolean enabled) {
        String realmName = SANDBOX.equals(environment) ? Slugs.sandboxRealm(slug) : Slugs.productionRealm(slug);
        RealmRepresentation rep = template.instantiate(realmName, displayName, enabled);
        for (String skipped : sanitizer.sanitize(rep)) {
            LOG.warnf("Realm template %s: skipped %s for realm %s", template.source(), skipped, realmName);
        }
        RealmModel previous = session.getContext().getRealm();
        RealmModel realm;
        try {
            realm = new RealmManager(session).importRealm(rep);
        } finally {
            session.getContext().setRealm(previous);
        }
        applyDomainRule(realm, org);
        // Read by other modules (the webhook payload's organization fields) without depending on this one.
        realm.setAttribute(DOMAIN_ATTRIBUTE, slug);
        realm.setAttribute(ENVIRONMENT_ATTRIBUTE, environment);
        return realm;
    }
}
