package io.github.b2bpack.org.api;

import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import io.github.b2bpack.org.sso.onboarding.OnboardingRepresentation;
import io.github.b2bpack.org.ssoonboarding.SsoOnboarding;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.common.Profile;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /orgs/{slug}/sso-connection/onboarding[?environment=][&expires_in=][&provider_type=]
 * [&users_access_policy=]}, under the master realm's and the organization realm's admin path: a new single-use link
 * to the SSO onboarding page of the environment's realm, answered once as Cryptr's {@code onboarding} object. The
 * link keeps the provider type and policy, which the page's connection gets (defaults: saml.custom or oidc.generic,
 * provision_new_users). The caller
 * needs {@code manage-identity-providers} on that realm (what an invited organization administrator holds).
 */
public final class SsoOnboardingResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final OrgRealmAccess access;

    SsoOnboardingResource(
            KeycloakSession session,
            AdminPermissionEvaluator auth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.auth = auth;
        this.access = new OrgRealmAccess(session, auth, organizations, org);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireManageIdentityProviders();
        long lifespan;
        try {
            lifespan = OnboardingLink.lifespan(
                    uriInfo.getQueryParameters().getFirst("expires_in"), SsoOnboarding.maxLifespan(session));
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_request", e.getMessage());
        }
        String providerType = uriInfo.getQueryParameters().getFirst("provider_type");
        if (providerType != null && ProviderType.byId(providerType).isEmpty()) {
            throw ApiErrors.badRequest("invalid_provider_type", "provider_type is not one of Cryptr's provider types");
        }
        String policy = uriInfo.getQueryParameters().getFirst("users_access_policy");
        if (policy != null && UsersAccessPolicy.byId(policy).isEmpty()) {
            throw ApiErrors.badRequest(
                    "invalid_users_access_policy",
                    "users_access_policy must be only_registered_users, provision_new_users or "
                            + "unregistered_users_allowed");
        }
        if (UsersAccessPolicy.UNREGISTERED_USERS_ALLOWED.id().equals(policy)
                && !Profile.isFeatureEnabled(Profile.Feature.TRANSIENT_USERS)) {
            // Said now, to the issuer, rather than later on the page to the customer's IT person.
            throw ApiErrors.badRequest(
                    "users_access_policy_unavailable",
                    "unregistered_users_allowed needs the server feature transient-users");
        }
        Organization org = access.org();
        OnboardingRepresentation onboarding =
                SsoOnboarding.issue(session, realm, org.slug(), environment.id(), lifespan, providerType, policy);
        // The organization realm's own admin event (its webhooks see it); without the link, which is a credential.
        new AdminEventBuilder(
                        realm, auth.adminAuth(), session, session.getContext().getConnection())
                .resource(ResourceType.IDENTITY_PROVIDER)
                .operation(OperationType.ACTION)
                .resourcePath("identity-provider", "instances", "b2bpack-sso", "onboarding")
                .detail("b2bpack_event", "sso.onboarding_link_issued")
                .detail("expired_at", Long.toString(onboarding.expiredAt()))
                .success();
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(onboarding)
                .build();
    }
}
