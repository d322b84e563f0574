package io.github.b2bpack.org.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An email domain owned by an organization. The domain (lowercase) is the primary key, so a domain
 * belongs to at most one organization and discovery by email is one indexed lookup.
 */
@Entity(name = "B2bOrganizationEmailDomain")
@Table(name = "B2B_ORG_EMAIL_DOMAIN")
@NamedQueries({
        @NamedQuery(name = "b2bOrgDomainsOf",
                query = "select d from B2bOrganizationEmailDomain d where d.organizationId = :org order by d.position"),
        @NamedQuery(name = "b2bOrgDomainsIn",
                query = "select d from B2bOrganizationEmailDomain d where d.domain in :domains"),
        @NamedQuery(name = "b2bOrgDomainsOfAll",
                query = "select d from B2bOrganizationEmailDomain d where d.organizationId in :orgs order by d.position"),
})
public class OrganizationEmailDomainEntity {

    @Id
    @Column(name = "DOMAIN", length = 253)
    private String domain;

    @Column(name = "ORG_ID", nullable = false, length = 63)
    private String organizationId;

    /** Order the operator gave the domains in, so they read back the same way. */
    @Column(name = "SORT_ORDER", nullable = false)
    private int position;

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
