package io.github.b2bpack.org.ssochallenge;

import io.github.b2bpack.org.api.ApiErrors;
import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.slug.Slugs;
import io.github.b2bpack.org.sso.challenge.ChallengeUrl;
import io.github.b2bpack.org.sso.challenge.SsoChallengeRepresentation;
import io.github.b2bpack.org.sso.challenge.SsoChallengeRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.urls.UrlType;

/**
 * {@code POST /admin/realms/master/sso-saml-challenges}: Cryptr's SSO challenge. Finds the organization (by the
 * user's email domain, or its slug), checks that the caller may read that environment realm's identity providers
 * ({@code view-identity-providers}, which an invited organization administrator holds), that the realm has an
 * active {@code b2bpack-sso} connection, and that {@code redirect_uri} is one a client of that realm accepts
 * (Keycloak's own {@link RedirectUtils}); answers the authorization URL that goes straight to the organization's
 * identity provider. Callers who may not read the organization get 403 whether it exists or not.
 */
public final class SsoChallengesResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final OrganizationStore store;

    SsoChallengesResource(KeycloakSession session, AdminPermissionEvaluator auth, OrganizationStore store) {
        this.session = session;
        this.auth = auth;
        this.store = store;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        SsoChallengeRequest request;
        try {
            request = SsoChallengeRequest.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_request", e.getMessage());
        }
        Environment environment = Environment.byId(
                        request.environment() == null ? Environment.PRODUCTION.id() : request.environment())
                .orElseThrow(
                        () -> ApiErrors.badRequest("invalid_request", "environment must be production or sandbox"));
        Organization org = organization(request);
        RealmModel realm = session.realms().getRealmByName(environment.realmName(org.slug()));
        if (realm == null) {
            requireViewIdentityProviders(session.realms().getRealmByName(Environment.PRODUCTION.realmName(org.slug())));
            throw ApiErrors.notFound("organization has no " + environment.id() + " environment");
        }
        requireViewIdentityProviders(realm);
        KeycloakContext context = session.getContext();
        RealmModel caller = context.getRealm();
        // The identity provider store and RedirectUtils read the context's realm: the organization's, for this part.
        context.setRealm(realm);
        try {
            return Response.status(Response.Status.CREATED)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(challenge(request, org, environment, realm))
                    .build();
        } finally {
            context.setRealm(caller);
        }
    }

    private SsoChallengeRepresentation challenge(
            SsoChallengeRequest request, Organization org, Environment environment, RealmModel realm) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(ChallengeUrl.IDP_ALIAS);
        if (idp == null) {
            throw ApiErrors.status(404, "sso_connection_not_found", "the organization has no SSO connection");
        }
        if (!idp.isEnabled() || !realm.isEnabled()) {
            throw ApiErrors.status(422, "sso_connection_inactive", "the organization's SSO connection is not active");
        }
        ClientModel client = request.clientId() != null
                ? Optional.ofNullable(realm.getClientByClientId(request.clientId()))
                        .filter(this::canLogIn)
                        .orElseThrow(() -> ApiErrors.badRequest(
                                "invalid_client", "client_id is not a browser client of the organization's realm"))
                : realm.getClientsStream()
                        .filter(this::canLogIn)
                        .filter(c -> RedirectUtils.verifyRedirectUri(session, request.redirectUri(), c) != null)
                        .min(Comparator.comparing(ClientModel::getClientId))
                        .orElseThrow(this::badRedirect);
        String redirect = RedirectUtils.verifyRedirectUri(session, request.redirectUri(), client);
        if (redirect == null) {
            throw badRedirect();
        }
        String requestId = UUID.randomUUID().toString();
        String url = ChallengeUrl.of(
                // The browser opens it: the org realm's frontend URL, not the admin hostname of this request.
                session.getContext().getUri(UrlType.FRONTEND).getBaseUri().toString(),
                realm.getName(),
                client.getClientId(),
                redirect,
                request.userEmail(),
                requestId);
        return new SsoChallengeRepresentation(
                org.slug(), environment.id(), url, null, redirect, requestId, idp.getInternalId());
    }

    private Organization organization(SsoChallengeRequest request) {
        Optional<Organization> org;
        if (request.orgDomain() != null) {
            org = Slugs.isSlug(request.orgDomain()) ? store.find(request.orgDomain()) : Optional.empty();
        } else {
            String domain = EmailDomains.domainOf(request.userEmail())
                    .orElseThrow(() ->
                            ApiErrors.badRequest("invalid_email", "user_email must be an address with a valid domain"));
            org = store.findByEmailDomain(domain);
        }
        if (org.isEmpty()) {
            // Only callers who may list organizations learn that none matches; others get 403 as for a real one.
            auth.realm().requireViewRealm();
            throw ApiErrors.status(404, "organization_not_found", "no organization matches");
        }
        return org.get();
    }

    private void requireViewIdentityProviders(RealmModel realm) {
        if (realm == null) {
            auth.realm().requireViewRealm();
            return;
        }
        AdminPermissions.evaluator(session, realm, auth.adminAuth()).realm().requireViewIdentityProviders();
    }

    private boolean canLogIn(ClientModel client) {
        return client.isEnabled() && client.isStandardFlowEnabled() && !client.isBearerOnly();
    }

    private ErrorResponseException badRedirect() {
        return ApiErrors.badRequest(
                "invalid_redirect_uri",
                "redirect_uri is not a valid redirect URI of a client of the organization's realm");
    }
}
