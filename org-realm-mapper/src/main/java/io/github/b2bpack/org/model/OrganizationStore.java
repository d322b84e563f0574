package io.github.b2bpack.org.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.b2bpack.org.jpa.OrganizationEmailDomainEntity;
import io.github.b2bpack.org.jpa.OrganizationEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reads and writes the organization index in the request's JPA transaction, so an index row and
 * the realms it describes are committed or rolled back together.
 */
public final class OrganizationStore {

    private final KeycloakSession session;
    private final EntityManager em;
    private final DomainLookupCache cache;

    public OrganizationStore(KeycloakSession session, DomainLookupCache cache) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.cache = cache;
    }

    public Optional<Organization> find(String slug) {
        OrganizationEntity entity = em.find(OrganizationEntity.class, slug);
        return entity == null ? Optional.empty() : Optional.of(toModel(entity, domainsOf(slug)));
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
        Map<String, List<String>> domains = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            List<String> ids = rows.stream().map(OrganizationEntity::getId).toList();
            for (OrganizationEmailDomainEntity d : em.createNamedQuery("b2bOrgDomainsOfAll", OrganizationEmailDomainEntity.class)
                    .setParameter("orgs", ids).getResultList()) {
                domains.computeIfAbsent(d.getOrganizationId(), k -> new ArrayList<>()).add(d.getDomain());
            }
        }
        List<Organization> data = rows.stream()
                .map(e -> toModel(e, domains.getOrDefault(e.getId(), List.of())))
                .toList();
        return new Page(data, total);
    }

    /** The organization owning an email domain: this node's cache, else one primary-key lookup. */
    public Optional<Organization> findByEmailDomain(String domain) {
        RealmModel admin = adminRealm();
        String version = admin == null ? null : admin.getAttribute(DomainLookupCache.VERSION_ATTRIBUTE);
        return cache.lookup(domain, version, d -> {
            OrganizationEmailDomainEntity owner = em.find(OrganizationEmailDomainEntity.class, d);
            return owner == null ? Optional.empty() : find(owner.getOrganizationId());
        });
    }

    /** Domains among {@code domains} owned by an organization other than {@code slug}. */
    public List<String> domainsOwnedByOthers(List<String> domains, String slug) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("b2bOrgDomainsIn", OrganizationEmailDomainEntity.class)
                .setParameter("domains", domains)
                .getResultList().stream()
                .filter(d -> !d.getOrganizationId().equals(slug))
                .map(OrganizationEmailDomainEntity::getDomain)
                .toList();
    }

    public void insert(Organization org) {
        written();
        OrganizationEntity entity = new OrganizationEntity();
        entity.setId(org.slug());
        copy(org, entity);
        em.persist(entity);
        writeDomains(org.slug(), org.emailDomains());
        // Flush now so a concurrent create of the same slug or domain fails here, inside the
        // request, rather than at commit where it could only become a 500.
        em.flush();
    }

    public void update(Organization org) {
        written();
        OrganizationEntity entity = em.find(OrganizationEntity.class, org.slug());
        copy(org, entity);
        // Entity-by-entity rather than a bulk delete: kept rows stay managed, and a domain removed
        // and re-added in one request never meets its stale twin in the persistence context.
        Map<String, OrganizationEmailDomainEntity> current = new LinkedHashMap<>();
        domainEntitiesOf(org.slug()).forEach(d -> current.put(d.getDomain(), d));
        int position = 0;
        for (String domain : org.emailDomains()) {
            OrganizationEmailDomainEntity d = current.remove(domain);
            if (d == null) {
                d = new OrganizationEmailDomainEntity();
                d.setDomain(domain);
                d.setOrganizationId(org.slug());
                d.setPosition(position++);
                em.persist(d);
            } else {
                d.setPosition(position++);
            }
        }
        current.values().forEach(em::remove);
        em.flush();
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

    private List<String> domainsOf(String slug) {
        return domainEntitiesOf(slug).stream().map(OrganizationEmailDomainEntity::getDomain).toList();
    }

    private List<OrganizationEmailDomainEntity> domainEntitiesOf(String slug) {
        return em.createNamedQuery("b2bOrgDomainsOf", OrganizationEmailDomainEntity.class)
                .setParameter("org", slug)
                .getResultList();
    }

    private void writeDomains(String slug, List<String> domains) {
        int position = 0;
        for (String domain : domains) {
            OrganizationEmailDomainEntity d = new OrganizationEmailDomainEntity();
            d.setDomain(domain);
            d.setOrganizationId(slug);
            d.setPosition(position++);
            em.persist(d);
        }
    }

    private static void copy(Organization org, OrganizationEntity entity) {
        entity.setName(org.name());
        entity.setCreatedAt(org.createdAt());
        entity.setUpdatedAt(org.updatedAt());
        entity.setProductionUp(org.productionUp());
        entity.setSandboxUp(org.sandboxUp());
    }

    private static Organization toModel(OrganizationEntity e, List<String> domains) {
        return new Organization(e.getId(), e.getName(), List.copyOf(domains), e.getCreatedAt(), e.getUpdatedAt(),
                e.isProductionUp(), e.isSandboxUp());
    }

    /** A page of organizations and the number matching the filter. */
    /** Every node's cached lookups go stale with this write: a new version, and this node's stale entries dropped. */
    private void written() {
        DomainLookupCache.changed(adminRealm());
        cache.invalidateAll();
    }

    private RealmModel adminRealm() {
        return session.realms().getRealmByName(Config.getAdminRealm());
    }

    public record Page(List<Organization> data, long total) {
    }
}
