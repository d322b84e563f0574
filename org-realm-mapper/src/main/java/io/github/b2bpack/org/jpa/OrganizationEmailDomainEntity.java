package io.github.b2bpack.org.jpa;

import io.github.b2bpack.org.model.EmailDomainClaim;
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
    @NamedQuery(
            name = "b2bOrgDomainsOf",
            query = "select d from B2bOrganizationEmailDomain d where d.organizationId = :org order by d.position"),
    @NamedQuery(
            name = "b2bOrgDomainsIn",
            query = "select d from B2bOrganizationEmailDomain d where d.domain in :domains"),
    @NamedQuery(
            name = "b2bOrgDomainsOfAll",
            query = "select d from B2bOrganizationEmailDomain d where d.organizationId in :orgs order by d.position"),
    // Verification is one conditional UPDATE: it only succeeds for the claim (organization, domain and
    // challenge) that was checked, so a claim removed or re-created meanwhile is never marked verified.
    @NamedQuery(
            name = "b2bOrgDomainVerify",
            query =
                    "update B2bOrganizationEmailDomain d set d.status = :verified, d.verifiedAt = :at, d.verifiedBy = :by"
                            + " where d.domain = :domain and d.organizationId = :org and d.challenge = :challenge"),
    @NamedQuery(
            name = "b2bOrgDomainsWithoutChallenge",
            query = "select d.domain from B2bOrganizationEmailDomain d where d.challenge is null"),
    @NamedQuery(
            name = "b2bOrgDomainSetChallenge",
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

    /** For JPA. */
    protected OrganizationEmailDomainEntity() {}

    /**
     * A new claim: always pending with a fresh random {@code challenge}, so a domain is never inherited
     * verified (from a former owner, or from this organization before it dropped the domain).
     */
    OrganizationEmailDomainEntity(String slug, String domain, int position, String challenge) {
        this.domain = domain;
        this.organizationId = slug;
        this.position = position;
        this.status = EmailDomainClaim.PENDING;
        this.challenge = challenge;
    }

    String getDomain() {
        return domain;
    }

    String getOrganizationId() {
        return organizationId;
    }

    void setPosition(int position) {
        this.position = position;
    }

    /** The claim of this row; a missing status reads as pending. */
    EmailDomainClaim toClaim() {
        return new EmailDomainClaim(
                domain, status == null ? EmailDomainClaim.PENDING : status, challenge, verifiedAt, verifiedBy);
    }
}
