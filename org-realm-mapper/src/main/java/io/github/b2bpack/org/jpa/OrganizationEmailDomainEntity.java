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
        // Verification is one conditional UPDATE: it only succeeds for the claim (organization, domain and
        // challenge) that was checked, so a claim removed or re-created meanwhile is never marked verified.
        @NamedQuery(name = "b2bOrgDomainVerify",
                query = "update B2bOrganizationEmailDomain d set d.status = :verified, d.verifiedAt = :at, d.verifiedBy = :by"
                        + " where d.domain = :domain and d.organizationId = :org and d.challenge = :challenge"),
        @NamedQuery(name = "b2bOrgDomainsWithoutChallenge",
                query = "select d.domain from B2bOrganizationEmailDomain d where d.challenge is null"),
        @NamedQuery(name = "b2bOrgDomainSetChallenge",
                query = "update B2bOrganizationEmailDomain d set d.challenge = :challenge"
                        + " where d.domain = :domain and d.challenge is null"),
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

    /** {@code pending} until ownership is proven, then {@code verified}. */
    @Column(name = "STATUS", nullable = false, length = 16)
    private String status;

    /** Random token of this claim (organization + domain); the TXT value is derived from it. */
    @Column(name = "CHALLENGE", length = 64)
    private String challenge;

    /** Epoch milliseconds of verification, null while pending. */
    @Column(name = "VERIFIED_AT")
    private Long verifiedAt;

    /** {@code dns} or {@code manual}, null while pending. */
    @Column(name = "VERIFIED_BY", length = 16)
    private String verifiedBy;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getChallenge() {
        return challenge;
    }

    public void setChallenge(String challenge) {
        this.challenge = challenge;
    }

    public Long getVerifiedAt() {
        return verifiedAt;
    }

    public void setVerifiedAt(Long verifiedAt) {
        this.verifiedAt = verifiedAt;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public void setVerifiedBy(String verifiedBy) {
        this.verifiedBy = verifiedBy;
    }

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
