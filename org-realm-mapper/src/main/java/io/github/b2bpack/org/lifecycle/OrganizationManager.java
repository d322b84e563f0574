package io.github.b2bpack.org.lifecycle;

import static io.github.b2bpack.org.model.Environment.PRODUCTION;
import static io.github.b2bpack.org.model.Environment.SANDBOX;

import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.request.NewOrganization;
import io.github.b2bpack.org.request.OrganizationChange;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
import io.github.b2bpack.org.userprofile.EmailDomainRule;
import io.github.b2bpack.org.userprofile.ProfileDeclarations;
import io.github.b2bpack.org.users.ProfileClaim;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.services.managers.RealmManager;

/**
 * Organization lifecycle on top of Keycloak's realms: every change to the index and to the realms
 * happens in the caller's transaction, so they commit or roll back together.
 */
public final class OrganizationManager {

    /**
     * Realm attribute naming the organization a realm belongs to: its immutable slug (named after the
     * JSON's {@code domain}).
     */
    public static final String SLUG_ATTRIBUTE = "b2bpack.org.domain";
    /** Realm attribute naming the environment a realm serves: {@link Environment#id()}. */
    public static final String ENVIRONMENT_ATTRIBUTE = "b2bpack.org.environment";
    /**
     * Production-realm attribute saying whether the API has created the sandbox realm ({@value #SANDBOX_CREATED})
     * or not ({@value #SANDBOX_NONE}). Keycloak's realm cache holds realms that exist, not ids that do not, so
     * without this every listing or discovery of an organization with no sandbox would query the database.
     */
    public static final String SANDBOX_REALM_ATTRIBUTE = "b2bpack.org.sandbox-realm";

    static final String SANDBOX_NONE = "none";
    static final String SANDBOX_CREATED = "created";

    private static final Logger LOG = Logger.getLogger(OrganizationManager.class);

    /** Slugs that would shadow a path of the organization API. */
    private static final List<String> RESERVED = List.of("discovery");

    private final KeycloakSession session;
    private final RealmTemplate template;
    private final TemplateSanitizer sanitizer;
    private final OrganizationStore store;

    public OrganizationManager(
            KeycloakSession session,
            RealmTemplate template,
            TemplateSanitizer sanitizer,
            EmailDomainLookupCache cache) {
        this.session = session;
        this.template = template;
        this.sanitizer = sanitizer;
        this.store = new OrganizationStore(session, cache);
    }

    public OrganizationStore store() {
        return store;
    }

    /** Creates the index row and the production realm (and the sandbox realm when asked up). */
    public Organization create(NewOrganization wanted) {
        String slug = wanted.slug();
        if (RESERVED.contains(slug)
                || store.exists(slug)
                || realmExists(PRODUCTION.realmName(slug))
                || realmExists(SANDBOX.realmName(slug))) {
            throw new OrganizationException(
                    OrganizationException.Kind.CONFLICT,
                    "organization_exists",
                    "an organization or realm named '" + slug + "' already exists; choose another name");
        }
        requireDomainsFree(wanted.emailDomains(), slug);
        boolean productionUp = wanted.environments().up(PRODUCTION, true);
        boolean sandboxUp = wanted.environments().up(SANDBOX, false);
        long now = System.currentTimeMillis();
        Organization org = store.insert(
                new Organization(slug, wanted.name(), wanted.emailDomains(), now, now, productionUp, sandboxUp, null));
        RealmModel production = createRealm(org, PRODUCTION, productionUp);
        if (sandboxUp) {
            createRealm(org, SANDBOX, true);
        }
        production.setAttribute(SANDBOX_REALM_ATTRIBUTE, sandboxUp ? SANDBOX_CREATED : SANDBOX_NONE);
        return org;
    }

    /** Applies a change of name, email domains or environment status. */
    public Organization update(Organization current, OrganizationChange change) {
        boolean domainsChanged = change.emailDomains() != null;
        if (domainsChanged) {
            requireDomainsFree(change.emailDomains(), current.slug());
        }
        Organization updated = store.update(new Organization(
                current.slug(),
                change.name() == null ? current.name() : change.name(),
                domainsChanged ? change.emailDomains() : current.emailDomains(),
                current.createdAt(),
                System.currentTimeMillis(),
                change.environments().up(PRODUCTION, current.productionUp()),
                change.environments().up(SANDBOX, current.sandboxUp()),
                null));
        RealmModel production = sync(updated, PRODUCTION, updated.productionUp(), domainsChanged);
        // Read directly, not through the production realm's attribute: an update is rare and repairs it.
        RealmModel sandbox = sync(updated, SANDBOX, updated.sandboxUp(), domainsChanged);
        production.setAttribute(SANDBOX_REALM_ATTRIBUTE, sandbox != null ? SANDBOX_CREATED : SANDBOX_NONE);
        return updated;
    }

    /**
     * Marks a claim verified (by {@code by}: DNS or manual) if it is still the one checked, then lets the
     * organization's realms accept users at the domain. Throws CONFLICT when the claim changed meanwhile.
     */
    public Organization markVerified(Organization org, EmailDomainClaim claim, String by) {
        if (!store.markVerified(org.slug(), claim.domain(), claim.challenge(), by, System.currentTimeMillis())) {
            throw new OrganizationException(
                    OrganizationException.Kind.CONFLICT,
                    "email_domain_changed",
                    "the claim on " + claim.domain()
                            + " changed while it was being verified; read the organization and retry");
        }
        Organization verified = store.find(org.slug()).orElseThrow();
        realms(org.slug()).present().forEach(r -> applyDomainRule(r, verified));
        return verified;
    }

    /** Removes both realms and the index row. */
    public void delete(Organization org) {
        // In realm id order, the order RowLocks.inLockedRealms locks them in: a delete and a metakey declaration
        // running at once never wait for each other's second lock.
        realms(org.slug()).present().stream()
                .sorted(java.util.Comparator.comparing(RealmModel::getId))
                .forEach(this::removeRealm);
        store.delete(org.slug());
    }

    /**
     * Keycloak's realm removal deletes the identity providers and their mappers of the session's context realm
     * (the identity-provider store reads it), not of the realm it removes. Called from the organization API, whose
     * context realm is master, it deleted master's identity providers and left the organization realm's in place
     * (an SSO connection's row then blocked the realm's delete). The realm removed is the context realm meanwhile.
     */
    private void removeRealm(RealmModel realm) {
        KeycloakModelUtils.runOnRealm(session, realm, s -> new RealmManager(s).removeRealm(realm));
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
        Optional<RealmModel> production = realm(PRODUCTION.realmName(slug));
        if (production.isPresent() && SANDBOX_NONE.equals(production.get().getAttribute(SANDBOX_REALM_ATTRIBUTE))) {
            return new EnvironmentRealms(production, Optional.empty());
        }
        return new EnvironmentRealms(production, realm(SANDBOX.realmName(slug)));
    }

    /**
     * Brings one environment's realm in line with the organization and returns it, or null when there is
     * none: a missing production realm is re-created (down or up), a missing sandbox only once asked up.
     */
    private RealmModel sync(Organization org, Environment environment, boolean up, boolean domainsChanged) {
        RealmModel realm = realm(environment.realmName(org.slug())).orElse(null);
        if (realm == null) {
            return environment == PRODUCTION || up ? createRealm(org, environment, up) : null;
        }
        realm.setEnabled(up);
        realm.setDisplayName(environment.displayName(org.name()));
        if (domainsChanged) {
            applyDomainRule(realm, org);
        }
        return realm;
    }

    private boolean realmExists(String name) {
        return session.realms().getRealm(name) != null || session.realms().getRealmByName(name) != null;
    }

    private void requireDomainsFree(List<String> domains, String slug) {
        List<String> taken = store.domainsOwnedByOthers(domains, slug);
        if (!taken.isEmpty()) {
            throw new OrganizationException(
                    OrganizationException.Kind.CONFLICT,
                    "email_domain_taken",
                    "email domain " + String.join(", ", taken) + " already belongs to another organization");
        }
    }

    /** Users are held to the verified domains; an organization claiming none has no rule (any address). */
    private void applyDomainRule(RealmModel realm, Organization org) {
        EmailDomainRule.apply(session, realm, org.emailDomains(), org.verifiedDomains());
    }

    private RealmModel createRealm(Organization org, Environment environment, boolean enabled) {
        String realmName = environment.realmName(org.slug());
        RealmRepresentation rep = template.instantiate(realmName, environment.displayName(org.name()), enabled);
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
        ProfileDeclarations.declareInNewRealm(session, realm, ProfileClaim.declaredAttributes());
        // Read by other modules (the webhook payload's organization fields) without depending on this one.
        realm.setAttribute(SLUG_ATTRIBUTE, org.slug());
        realm.setAttribute(ENVIRONMENT_ATTRIBUTE, environment.id());
        return realm;
    }
}
