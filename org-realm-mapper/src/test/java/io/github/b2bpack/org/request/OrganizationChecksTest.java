package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.model.EnvironmentStatuses;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.ownership.DnsTxtResolver;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import io.github.b2bpack.org.ownership.PublicEmailDomains;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link NewOrganization} and {@link OrganizationChange}: what a create or update body may ask for. */
class OrganizationChecksTest {

    private final OwnershipSettings ownership =
            new OwnershipSettings(PublicEmailDomains.parse("gmail.com", List.of()), new DnsTxtResolver(null, 1000, 1));

    @Test
    void aCreateGetsItsSlugFromTheNameAndNormalizedDomains() {
        NewOrganization wanted = NewOrganization.of(
                "{\"name\":\"  Acme Corp \",\"allowed_email_domains\":[\"ACME.com\","
                        + "\"acme.com.\"],\"environments\":[{\"name\":\"sandbox\",\"status\":\"up\"}]}",
                ownership);
        assertEquals(
                new NewOrganization(
                        "acme-corp",
                        "Acme Corp",
                        List.of("acme.com"),
                        new EnvironmentStatuses(null, EnvironmentStatus.UP)),
                wanted);
        assertEquals(
                EnvironmentStatuses.NONE,
                NewOrganization.of("{\"name\":\"Acme\"}", ownership).environments());
        assertEquals(
                List.of(), NewOrganization.of("{\"name\":\"Acme\"}", ownership).emailDomains());
    }

    @Test
    void aCreateIsRefusedWithTheCodeTheCallerSees() {
        refused("invalid_request", () -> NewOrganization.of("{", ownership));
        refused("invalid_request", () -> NewOrganization.of("{\"allowed_email_domains\":[\"acme.com\"]}", ownership));
        refused("invalid_request", () -> NewOrganization.of("{\"name\":\"Acme\",\"domain\":\"acme\"}", ownership));
        refused(
                "invalid_request",
                () -> NewOrganization.of("{\"name\":\"Acme\",\"allowed_email_domains\":[\"a b\"]}", ownership));
        refused(
                "public_email_domain",
                () -> NewOrganization.of(
                        "{\"name\":\"Acme\",\"allowed_email_domains\":[\"acme.com\",\"mail.GMAIL.com\"]}", ownership));
    }

    @Test
    void anUpdateLeavesOutWhatTheBodyLeavesOut() {
        assertEquals(
                new OrganizationChange(null, null, EnvironmentStatuses.NONE),
                OrganizationChange.of("{}", "acme", ownership));
        OrganizationChange change = OrganizationChange.of(
                "{\"name\":\" New Name \",\"domain\":\"acme\","
                        + "\"allowed_email_domains\":[],\"environments\":[{\"name\":\"production\",\"status\":\"down\"}]}",
                "acme",
                ownership);
        assertEquals(
                new OrganizationChange("New Name", List.of(), new EnvironmentStatuses(EnvironmentStatus.DOWN, null)),
                change);
    }

    @Test
    void anUpdateNeverChangesTheSlug() {
        refused("immutable_domain", () -> OrganizationChange.of("{\"domain\":\"other\"}", "acme", ownership));
        refused("invalid_request", () -> OrganizationChange.of("{\"name\":\"!!!\"}", "acme", ownership));
        refused(
                "public_email_domain",
                () -> OrganizationChange.of("{\"allowed_email_domains\":[\"gmail.com\"]}", "acme", ownership));
        assertNull(OrganizationChange.of("{\"domain\":\"acme\"}", "acme", ownership)
                .name());
    }

    private static void refused(String code, Executable check) {
        OrganizationException e = assertThrows(OrganizationException.class, check);
        assertEquals(OrganizationException.Kind.INVALID, e.kind());
        assertEquals(code, e.code(), e.getMessage());
    }
}
