package io.github.b2bpack.org.jpa;

import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.model.StatusFilter;
import io.github.b2bpack.org.ownership.DomainChallenge;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reads and writes the organization index in the request's JPA transaction, so an index row and
 * the realms it describes are committed or rolled back together.
 */
public final class OrganizationStore {

    /**
     * Admin realm attribute holding the organizations' version, which every organization write changes:
     * Keycloak invalidates the admin realm cluster-wide, so each node's {@link EmailDomainLookupCache}
     * sees the change at once.
     */
    public static final String VERSION_ATTRIBUTE = "b2bpack.orgs.version";

    private final KeycloakSession session;
    private final EntityManager em;
    private final EmailDomainLookupCache cache;

    public OrganizationStore(KeycloakSession session, EmailDomainLookupCache cache) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.cache = cache;
    }

    public Optional<Organization> find(String slug) {
        OrganizationEntity entity = em.find(OrganizationEntity.class, slug);
        return entity == null ? Optional.empty() : Optional.of(entity.toModel(claimsOf(domainEntitiesOf(slug))));
    }

    public boolean exists(String slug) {
        return em.find(OrganizationEntity.class, slug) != null;
    }

    /** One page, newest first, with the total count under the same filter. */
    public Page page(StatusFilter filter, int first, int max) {
        String suffix = switch (filter) {
            case ANY -> "";
            case ANY_UP -> "AnyUp";
            case ANY_DOWN -> "AnyDown";
        };
        long total = em.createNamedQuery("b2bOrgCount" + suffix, Long.class).getSingleResult();
        List<OrganizationEntity> rows = em.createNamedQuery("b2bOrgPage" + suffix, OrganizationEntity.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        Map<String, List<OrganizationEmailDomainEntity>> domains = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            List<String> ids = rows.stream().map(OrganizationEntity::getId).toList();
            for (OrganizationEmailDomainEntity d : em.createNamedQuery(
                            "b2bOrgDomainsOfAll", OrganizationEmailDomainEntity.class)
                    .setParameter("orgs", ids)
                    .getResultList()) {
                domains.computeIfAbsent(d.getOrganizationId(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        List<Organization> data = rows.stream()
                .map(e -> e.toModel(claimsOf(domains.getOrDefault(e.getId(), List.of()))))
                .toList();
        return new Page(data, total);
    }

    /**
     * The organization owning an email domain whose ownership is verified: this node's cache, else one
     * primary-key lookup. A pending claim routes nowhere, so claiming a domain alone never sends its
     * users to the claimant's realm.
     */
    public Optional<Organization> findByEmailDomain(String domain) {
        RealmModel admin = adminRealm();
        String version = admin == null ? null : admin.getAttribute(VERSION_ATTRIBUTE);
        return cache.lookup(domain, version, d -> {
            OrganizationEmailDomainEntity owner = em.find(OrganizationEmailDomainEntity.class, d);
            return owner == null || !owner.toClaim().verified() ? Optional.empty() : find(owner.getOrganizationId());
        });
    }

    /**
     * Marks one claim verified if it is still this organization's claim with this challenge: one
     * conditional UPDATE, so concurrent verifications and a concurrent removal or re-creation of the
     * claim cannot interleave into a verified claim nobody proved. Returns whether a row changed.
     */
    public boolean markVerified(String slug, String domain, String challenge, String by, long at) {
        written();
        int changed = em.createNamedQuery("b2bOrgDomainVerify")
                .setParameter("verified", EmailDomainClaim.VERIFIED)
                .setParameter("at", at)
                .setParameter("by", by)
                .setParameter("domain", domain)
                .setParameter("org", slug)
                .setParameter("challenge", challenge)
                .executeUpdate();
        // The bulk update bypassed the persistence context: reload the row if this request holds it.
        OrganizationEmailDomainEntity row = em.find(OrganizationEmailDomainEntity.class, domain);
        if (row != null) {
            em.refresh(row);
        }
        return changed == 1;
    }

    /**
     * Gives rows stored before ownership checks their random challenge; each row with its own
     * conditional UPDATE ({@code where challenge is null}), so nodes starting together never overwrite
     * a challenge another node already wrote. Returns how many rows this call filled.
     */
    public int fillMissingChallenges() {
        int filled = 0;
        for (String domain : em.createNamedQuery("b2bOrgDomainsWithoutChallenge", String.class)
                .getResultList()) {
            filled += em.createNamedQuery("b2bOrgDomainSetChallenge")
                    .setParameter("challenge", DomainChallenge.newToken())
                    .setParameter("domain", domain)
                    .executeUpdate();
        }
        return filled;
    }

    /** Domains among {@code domains} owned by an organization other than {@code slug}. */
    public List<String> domainsOwnedByOthers(List<String> domains, String slug) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery("b2bOrgDomainsIn", OrganizationEmailDomainEntity.class)
                .setParameter("domains", domains)
                .getResultList()
                .stream()
                .filter(d -> !d.getOrganizationId().equals(slug))
                .map(OrganizationEmailDomainEntity::getDomain)
                .toList();
    }

    /** Stores a new organization; its domains start pending, each with a new challenge. Returns it as stored. */
    public Organization insert(Organization org) {
        written();
        em.persist(new OrganizationEntity(org));
        int position = 0;
        for (String domain : org.emailDomains()) {
            em.persist(newClaim(org.slug(), domain, position++));
        }
        // Flush now so a concurrent create of the same slug or domain fails here, inside the
        // request, rather than at commit where it could only become a 500.
        em.flush();
        return find(org.slug()).orElseThrow();
    }

    /** Stores a change; kept domains keep their state, added ones start pending. Returns it as stored. */
    public Organization update(Organization org) {
        written();
        em.find(OrganizationEntity.class, org.slug()).write(org);
        // Entity-by-entity rather than a bulk delete: kept rows stay managed, and a domain removed
        // and re-added in one request never meets its stale twin in the persistence context.
        Map<String, OrganizationEmailDomainEntity> current = new LinkedHashMap<>();
        domainEntitiesOf(org.slug()).forEach(d -> current.put(d.getDomain(), d));
        int position = 0;
        for (String domain : org.emailDomains()) {
            OrganizationEmailDomainEntity d = current.remove(domain);
            if (d == null) {
                em.persist(newClaim(org.slug(), domain, position++));
            } else {
                d.setPosition(position++);
            }
        }
        current.values().forEach(em::remove);
        em.flush();
        return find(org.slug()).orElseThrow();
    }

    public void delete(String slug) {
        written();
        domainEntitiesOf(slug).forEach(em::remove);
        OrganizationEntity entity = em.find(OrganizationEntity.class, slug);
        if (entity != null) {
            em.remove(entity);
        }
        em.flush();
    }

    /**
     * Gives the organizations a new version; call in the transaction of every organization write (nothing
     * to do before the admin realm exists).
     */
    public static void newVersion(RealmModel adminRealm) {
        if (adminRealm != null) {
            adminRealm.setAttribute(VERSION_ATTRIBUTE, UUID.randomUUID().toString());
        }
    }

    private List<OrganizationEmailDomainEntity> domainEntitiesOf(String slug) {
        return em.createNamedQuery("b2bOrgDomainsOf", OrganizationEmailDomainEntity.class)
                .setParameter("org", slug)
                .getResultList();
    }

    private static OrganizationEmailDomainEntity newClaim(String slug, String domain, int position) {
        return new OrganizationEmailDomainEntity(slug, domain, position, DomainChallenge.newToken());
    }

    private static List<EmailDomainClaim> claimsOf(List<OrganizationEmailDomainEntity> rows) {
        return rows.stream().map(OrganizationEmailDomainEntity::toClaim).toList();
    }

    /** Every node's cached lookups go stale with this write: a new version, and this node's stale entries dropped. */
    private void written() {
        newVersion(adminRealm());
        cache.invalidateAll();
    }

    private RealmModel adminRealm() {
        return session.realms().getRealmByName(Config.getAdminRealm());
    }

    /** A page of organizations and the number matching the filter. */
    public record Page(List<Organization> data, long total) {}
}
