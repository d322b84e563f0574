package io.github.b2bpack.org.api;

import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.SsoConnectionRequest;
import io.github.b2bpack.org.sso.SsoKeys;
import io.github.b2bpack.org.sso.onboarding.OnboardingRepresentation;
import io.github.b2bpack.org.ssobroker.SsoConnections;
import io.github.b2bpack.org.ssobroker.SsoMetadataReader;
import io.github.b2bpack.org.ssobroker.SsoRefusal;
import io.github.b2bpack.org.ssoonboarding.SsoOnboarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/sso-connection[?environment=]}: Cryptr's create, retrieve and update of
 * the organization environment's SSO connection (one identity provider {@code b2bpack-sso} in that environment's
 * realm). Reading needs {@code view-identity-providers} on that realm, changing {@code manage-identity-providers}
 * (an organization's invited administrators hold it; another organization's do not). Each change emits Keycloak's
 * {@code IDENTITY_PROVIDER} admin event in the organization's realm, detail {@code b2bpack_event}
 * {@code sso_connection.created|updated}.
 */
public final class OrgSsoConnectionResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final OrgRealmAccess access;
    private final OrganizationManager organizations;
    private final Organization org;

    OrgSsoConnectionResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
        this.organizations = organizations;
        this.org = org;
    }

    /** The onboarding link of this connection, under the same path (master or organization realm). */
    @Path("onboarding")
    public SsoOnboardingResource onboarding() {
        return new SsoOnboardingResource(session, masterAuth, organizations, org);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrSsoConnection get(@Context UriInfo uriInfo) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireViewIdentityProviders();
        IdentityProviderModel idp = connections()
                .find(realm)
                .orElseThrow(() -> ApiErrors.notFound(
                        "organization '" + org.slug() + "' has no " + environment.id() + " SSO connection"));
        // Cryptr expands "onboarding": a fresh link, for a caller who may change the connection only (it is a
        // credential that writes the identity provider).
        boolean manager = access.permissions(realm).realm().canManageIdentityProviders();
        return view(idp, environment, realm).withOnboarding(manager ? onboarding(realm, environment) : null);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uriInfo, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireManageIdentityProviders();
        SsoConnectionRequest request =
                ApiErrors.guarded(() -> SsoConnectionRequest.of(uriInfo.getQueryParameters(), body));
        String spEntityId = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        IdentityProviderModel idp =
                refusing(() -> connections().create(realm, org.slug(), org.name(), request, spEntityId));
        CryptrSsoConnection rep = view(idp, environment, realm);
        event(realm, OperationType.CREATE, rep, "sso_connection.created");
        rep = rep.withOnboarding(onboarding(realm, environment));
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rep)
                .build();
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public CryptrSsoConnection update(@Context UriInfo uriInfo, String body) {
        Environment environment = OrgRealmAccess.environment(uriInfo);
        RealmModel realm = access.realm(environment);
        access.permissions(realm).realm().requireManageIdentityProviders();
        SsoConnectionRequest request =
                ApiErrors.guarded(() -> SsoConnectionRequest.of(uriInfo.getQueryParameters(), body));
        IdentityProviderModel current = connections()
                .find(realm)
                .orElseThrow(() -> ApiErrors.notFound(
                        "organization '" + org.slug() + "' has no " + environment.id() + " SSO connection"));
        return update(environment, realm, current, request);
    }

    /** Shared with {@code PUT /sso-connections/{id}}: the caller has checked manage-identity-providers. */
    CryptrSsoConnection update(
            Environment environment, RealmModel realm, IdentityProviderModel current, SsoConnectionRequest request) {
        IdentityProviderModel idp = refusing(() -> connections().update(realm, current, request));
        CryptrSsoConnection rep = view(idp, environment, realm);
        event(realm, OperationType.UPDATE, rep, "sso_connection.updated");
        return rep;
    }

    /** A new onboarding link (the server's default lifespan); the caller checked manage-identity-providers. */
    private OnboardingRepresentation onboarding(RealmModel realm, Environment environment) {
        return SsoOnboarding.issue(session, realm, org.slug(), environment.id(), SsoOnboarding.maxLifespan(session));
    }

    private SsoConnections connections() {
        return new SsoConnections(session, new SsoMetadataReader(session, SsoSettings.privateHosts(session)));
    }

    /** Runs a change; a refusal rolls back whatever it wrote (the flow, the provider) and answers its status. */
    private <T> T refusing(Supplier<T> change) {
        try {
            return change.get();
        } catch (SsoRefusal e) {
            session.getTransactionManager().setRollbackOnly();
            throw ApiErrors.status(e.status(), e.code(), e.getMessage());
        }
    }

    private CryptrSsoConnection view(IdentityProviderModel idp, Environment environment, RealmModel realm) {
        return CryptrSsoConnection.of(
                idp,
                environment.id(),
                OrganizationRepresentation.of(org, organizations.realms(org.slug())::status),
                session.getContext().getUri().getBaseUri(),
                realm.getName());
    }

    /** Keycloak's {@code IDENTITY_PROVIDER} admin event in the organization's realm, as its admin API writes it. */
    private void event(RealmModel realm, OperationType operation, CryptrSsoConnection rep, String action) {
        new AdminEventBuilder(
                        realm,
                        masterAuth.adminAuth(),
                        session,
                        session.getContext().getConnection())
                .resource(ResourceType.IDENTITY_PROVIDER)
                .operation(operation)
                .resourcePath("identity-provider", "instances", SsoKeys.ALIAS)
                .representation(rep.withoutOrganization())
                .detail("b2bpack_event", action)
                .success();
    }
}
