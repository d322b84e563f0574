package io.github.b2bpack.org.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One organization in the index: realms have no creation time and no paging, so listing, ordering
 * and filtering read this table, never the realms. The id is the immutable slug, which is also the
 * id of the production realm. No foreign key points at Keycloak's tables.
 */
@Entity(name = "B2bOrganization")
@Table(name = "B2B_ORG")
@NamedQueries({
        @NamedQuery(name = "b2bOrgPage",
                query = "select o from B2bOrganization o order by o.createdAt desc, o.id asc"),
        @NamedQuery(name = "b2bOrgCount", query = "select count(o) from B2bOrganization o"),
        @NamedQuery(name = "b2bOrgPageAnyUp",
                query = "select o from B2bOrganization o where o.productionUp = true or o.sandboxUp = true"
                        + " order by o.createdAt desc, o.id asc"),
        @NamedQuery(name = "b2bOrgCountAnyUp",
                query = "select count(o) from B2bOrganization o where o.productionUp = true or o.sandboxUp = true"),
        @NamedQuery(name = "b2bOrgPageAnyDown",
                query = "select o from B2bOrganization o where o.productionUp = false or o.sandboxUp = false"
                        + " order by o.createdAt desc, o.id asc"),
        @NamedQuery(name = "b2bOrgCountAnyDown",
                query = "select count(o) from B2bOrganization o where o.productionUp = false or o.sandboxUp = false"),
})
public class OrganizationEntity {

    @Id
    @Column(name = "ID", length = 63)
    private String id;

    @Column(name = "NAME", nullable = false, length = 255)
    private String name;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    /** Mirror of the production realm's enabled flag, kept for filtering without loading realms. */
    @Column(name = "PRODUCTION_UP", nullable = false)
    private boolean productionUp;

    /** Mirror of the sandbox realm's enabled flag (false while no sandbox realm exists). */
    @Column(name = "SANDBOX_UP", nullable = false)
    private boolean sandboxUp;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public boolean isProductionUp() {
        return productionUp;
    }

    public void setProductionUp(boolean productionUp) {
        this.productionUp = productionUp;
    }

    public boolean isSandboxUp() {
        return sandboxUp;
    }

    public void setSandboxUp(boolean sandboxUp) {
        this.sandboxUp = sandboxUp;
    }
}
