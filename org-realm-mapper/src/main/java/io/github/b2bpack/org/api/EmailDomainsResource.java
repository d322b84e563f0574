package io.github.b2bpack.org.api;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.ownership.DnsVerdict;
import io.github.b2bpack.org.ownership.DomainChallenge;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import io.github.b2bpack.org.ownership.TxtLookup;
import io.github.b2bpack.org.request.VerificationRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{slug}/email-domains}: ownership of an organization's email domains.
 * DNS verification needs {@code manage-realm} on the organization's realm (as changing its domains does);
 * manual verification also needs {@code manage-realm} on master, which tenant admins do not hold, since
 * it vouches for a domain without proof.
 */
public final class EmailDomainsResource {

    /** Resource type of the verification admin event: webhook code {@code admin.organization_email_domain.action.success}. */
    public static final String EVENT_RESOURCE_TYPE = "ORGANIZATION_EMAIL_DOMAIN";

    private static final Logger LOG = Logger.getLogger(EmailDomainsResource.class);

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final AdminPermissionEvaluator orgAuth;
    private final AdminEventBuilder adminEvent;
    private final OrganizationManager organizations;
    private final OwnershipSettings ownership;
    private final Organization org;

    EmailDomainsResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            AdminPermissionEvaluator orgAuth,
            AdminEventBuilder adminEvent,
            OrganizationManager organizations,
            OwnershipSettings ownership,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.orgAuth = orgAuth;
        this.adminEvent = adminEvent;
        this.organizations = organizations;
        this.ownership = ownership;
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<EmailDomainRepresentation> list() {
        orgAuth.realm().requireViewRealm();
        return org.claims().stream().map(EmailDomainRepresentation::of).toList();
    }

    /**
     * Proves ownership by the body's method ({@link VerificationRequest}): {@code dns} checks the TXT record
     * through the configured resolver; {@code manual} records an operator's word for it. Answers the domain
     * as it now stands; a domain already verified answers 200 unchanged.
     */
    @POST
    @Path("{emailDomain}/verify")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public EmailDomainRepresentation verify(@PathParam("emailDomain") String emailDomain, String body) {
        orgAuth.realm().requireManageRealm();
        VerificationRequest request = ApiErrors.guarded(() -> VerificationRequest.parse(body));
        if (request.manual()) {
            // Vouching without proof is the operator's call, not a tenant admin's.
            masterAuth.realm().requireManageRealm();
        }
        String domain = EmailDomains.normalize(emailDomain)
                .orElseThrow(() -> ApiErrors.badRequest("invalid_request", "invalid email domain"));
        EmailDomainClaim claim = org.claim(domain)
                .orElseThrow(() ->
                        ApiErrors.notFound("organization '" + org.slug() + "' does not claim email domain " + domain));
        if (ownership.publicDomains().isPublic(domain)) {
            throw ApiErrors.badRequest(
                    "public_email_domain",
                    domain + " is a public email domain: anyone can get an "
                            + "address there, so no organization can own it; remove it from allowed_email_domains");
        }
        if (claim.verified()) {
            return EmailDomainRepresentation.of(claim);
        }
        if (!request.manual()) {
            TxtLookup lookup = ownership.resolver().lookup(DomainChallenge.recordName(domain));
            DnsVerdict verdict = DnsVerdict.of(lookup, claim.challenge());
            if (verdict != DnsVerdict.VERIFIED) {
                LOG.debugf("email domain %s of organization %s not verified: %s", domain, org.slug(), verdict);
                throw ApiErrors.status(verdict.status(), verdict.error(), verdict.describe(domain, lookup));
            }
        }
        Organization updated = ApiErrors.guarded(() -> organizations.markVerified(org, claim, request.method()));
        EmailDomainRepresentation rep =
                EmailDomainRepresentation.of(updated.claim(domain).orElseThrow());
        audit(rep);
        return rep;
    }

    /**
     * One admin event on master (the operator's audit trail) and one in each of the organization's realms,
     * where the customer's own event listeners (e.g. webhooks) are configured.
     */
    private void audit(EmailDomainRepresentation rep) {
        adminEvent
                .clone(session)
                .resource(EVENT_RESOURCE_TYPE)
                .operation(OperationType.ACTION)
                .resourcePath("orgs", org.slug(), "email-domains", rep.domain())
                .representation(rep)
                .detail("verified_by", rep.verifiedBy())
                .success();
        for (RealmModel realm : organizations.realms(org.slug()).present()) {
            new AdminEventBuilder(
                            realm,
                            masterAuth.adminAuth(),
                            session,
                            session.getContext().getConnection())
                    .resource(EVENT_RESOURCE_TYPE)
                    .operation(OperationType.ACTION)
                    .resourcePath("email-domains", rep.domain())
                    .representation(rep)
                    .detail("verified_by", rep.verifiedBy())
                    .success();
        }
    }
}
