package io.github.b2bpack.org.jpa;

import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.slug.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One organization in the index: realms have no creation time and no paging, so listing, ordering
 * and filtering read this table, never the realms. The id is the immutable slug, which is also the
 * id of the production realm. No foreign key points at Keycloak's tables.
 */
@Entity(name = "B2bOrganization")
@Table(name = "B2B_ORG")
@NamedQueries({
    @NamedQuery(name = "b2bOrgPage", query = "select o from B2bOrganization o order by o.createdAt desc, o.id asc"),
    @NamedQuery(name = "b2bOrgCount", query = "select count(o) from B2bOrganization o"),
    // The status filter reads Keycloak's own REALM table (two primary-key probes per row), so it
    // follows the realms' enabled flag however it was changed: this API, the admin console or a
    // realm import. Realm ids are immutable: production = slug, sandbox = slug + "--sandbox".
    @NamedQuery(
            name = "b2bOrgPageAnyUp",
            query = "select o from B2bOrganization o where " + OrganizationEntity.ENABLED_REALMS + " > 0"
                    + " order by o.createdAt desc, o.id asc"),
    @NamedQuery(
            name = "b2bOrgCountAnyUp",
            query = "select count(o) from B2bOrganization o where " + OrganizationEntity.ENABLED_REALMS + " > 0"),
    @NamedQuery(
            name = "b2bOrgPageAnyDown",
            query = "select o from B2bOrganization o where " + OrganizationEntity.ENABLED_REALMS + " < 2"
                    + " order by o.createdAt desc, o.id asc"),
    @NamedQuery(
            name = "b2bOrgCountAnyDown",
            query = "select count(o) from B2bOrganization o where " + OrganizationEntity.ENABLED_REALMS + " < 2"),
})
public class OrganizationEntity {

    /** Number of this organization's realms (production, sandbox) that exist and are enabled. */
    static final String ENABLED_REALMS = "(select count(r) from RealmEntity r where r.enabled = true"
            + " and (r.id = o.id or r.id = concat(o.id, '" + Slugs.SANDBOX_SUFFIX + "')))";

    @Id
    @Column(name = "ID", length = 63)
    private String id;

    @Column(name = "NAME", nullable = false, length = 255)
    private String name;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    /** Production status last requested through the API; the list filter reads the realm itself (REALM.ENABLED). */
    @Column(name = "PRODUCTION_UP", nullable = false)
    private boolean productionUp;

    /** Sandbox status last requested through the API; the list filter reads the realm itself (REALM.ENABLED). */
    @Column(name = "SANDBOX_UP", nullable = false)
    private boolean sandboxUp;

    /** For JPA. */
    protected OrganizationEntity() {}

    /** A new row for {@code org}, keyed by its immutable slug. */
    OrganizationEntity(Organization org) {
        this.id = org.slug();
        write(org);
    }

    String getId() {
        return id;
    }

    /** Copies everything but the immutable id from {@code org}. */
    void write(Organization org) {
        name = org.name();
        createdAt = org.createdAt();
        updatedAt = org.updatedAt();
        productionUp = org.productionUp();
        sandboxUp = org.sandboxUp();
    }

    /** The organization of this row, with its email-domain claims in the operator's order. */
    Organization toModel(List<EmailDomainClaim> claims) {
        return new Organization(
                id,
                name,
                claims.stream().map(EmailDomainClaim::domain).toList(),
                createdAt,
                updatedAt,
                productionUp,
                sandboxUp,
                claims);
    }
}
