package io.github.b2bpack.org.discovery;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import io.github.b2bpack.org.slug.Slugs;
import io.github.b2bpack.org.sso.SsoKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/master/org-login}: the browser entry point of organization discovery. With a
 * {@code login_hint} whose domain belongs to an organization, redirects to that organization's
 * production realm authorization endpoint with every query parameter kept; otherwise shows a
 * themed page asking for the email, with the same generic message for every unknown address.
 */
public final class OrgLoginResource {

    public static final String TEMPLATE = "b2bpack-org-login.ftl";
    public static final String MESSAGE_UNKNOWN = "b2bpackOrgLoginUnknown";

    private final KeycloakSession session;
    private final EmailDomainLookupCache cache;

    OrgLoginResource(KeycloakSession session, EmailDomainLookupCache cache) {
        this.session = session;
        this.cache = cache;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response start(@Context UriInfo uriInfo) {
        return route(uriInfo);
    }

    /** Target of the page's form (a GET, so the OIDC parameters travel the same way as on entry). */
    @GET
    @Path("continue")
    @Produces(MediaType.TEXT_HTML)
    public Response proceed(@Context UriInfo uriInfo) {
        return route(uriInfo);
    }

    private Response route(UriInfo uriInfo) {
        String hint = uriInfo.getQueryParameters().getFirst("login_hint");
        if (hint == null || hint.isBlank()) {
            return page(uriInfo, false);
        }
        Optional<RealmModel> realm = EmailDomains.domainOf(hint)
                .flatMap(domain -> new OrganizationStore(session, cache).findByEmailDomain(domain))
                .map(org -> session.realms().getRealm(Slugs.productionRealm(org.slug())))
                .filter(RealmModel::isEnabled);
        if (realm.isEmpty()) {
            return page(uriInfo, true);
        }
        // Built from this server's base URI and a realm name from the index, never from input, so
        // the redirect can only reach this server's own realm endpoints.
        String query = uriInfo.getRequestUri().getRawQuery();
        if (ssoActive(realm.get())) {
            // sso: an organization with an active SSO connection signs its people in at its identity provider.
            query = AuthorizationRedirect.withIdpHint(query, SsoKeys.ALIAS);
        }
        URI target = AuthorizationRedirect.to(
                session.getContext().getUri().getBaseUri(), realm.get().getName(), query);
        return Response.status(Response.Status.FOUND).location(target).build();
    }

    /** sso: whether the realm's SSO connection exists and is active (enabled). */
    private boolean ssoActive(RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            IdentityProviderModel idp = session.identityProviders().getByAlias(SsoKeys.ALIAS);
            return idp != null && idp.isEnabled();
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private Response page(UriInfo uriInfo, boolean unknown) {
        List<Map<String, String>> hidden = new ArrayList<>();
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("login_hint")) {
                values.forEach(value -> hidden.add(Map.of("name", name, "value", value)));
            }
        });
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute(
                        "b2bpackAction",
                        uriInfo.getBaseUriBuilder()
                                .path("realms")
                                .path(session.getContext().getRealm().getName())
                                .path("org-login")
                                .path("continue")
                                .build()
                                .toString())
                .setAttribute("b2bpackHidden", hidden)
                .setAttribute(
                        "b2bpackLoginHint",
                        Optional.ofNullable(uriInfo.getQueryParameters().getFirst("login_hint"))
                                .orElse(""));
        if (unknown) {
            form.setError(MESSAGE_UNKNOWN);
        }
        return form.createForm(TEMPLATE);
    }
}
