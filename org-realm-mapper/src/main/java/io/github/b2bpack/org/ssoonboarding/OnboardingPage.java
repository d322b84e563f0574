package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import io.github.b2bpack.org.sso.onboarding.OnboardingRefusal;
import io.github.b2bpack.org.sso.onboarding.OnboardingSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/<org realm>/b2bpack-sso-onboarding/<token>}: the page the organization's IT administrator opens
 * from an onboarding link, without a Keycloak account. The token is the only credential: a forged, expired or
 * another realm's token gets the same "invalid or expired" page (404), a used one "already used" (410), never a 500.
 * A refused submission shows the form again with the reason and keeps the link; an accepted one writes the
 * {@code b2bpack-sso} identity provider and uses the link up.
 */
public final class OnboardingPage {

    public static final String TEMPLATE = "b2bpack-sso-onboarding.ftl";
    static final List<String> GUIDES = List.of("azure_ad", "okta", "adfs", "google", "generic");
    private static final Logger LOG = Logger.getLogger(OnboardingPage.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OnboardingLinks links;

    OnboardingPage(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.links = new OnboardingLinks(session);
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        OnboardingLink link = links.find(token, realm);
        if (link == null) {
            return closed(token);
        }
        return form(token, null, Response.Status.OK);
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        OnboardingLink link = links.find(token, realm);
        if (link == null) {
            return closed(token);
        }
        IdentityProviderModel saved;
        try {
            OnboardingSubmission submission = OnboardingSubmission.of(form);
            saved = new OnboardingConnection(session, realm).save(link, submission);
        } catch (OnboardingRefusal refusal) {
            // Whatever was written before the refusal (a flow, a removed provider) is not committed.
            session.getTransactionManager().setRollbackOnly();
            LOG.debugf("SSO onboarding of realm %s refused: %s", realm.getName(), refusal.getMessage());
            return form(token, refusal.messageKey(), Response.Status.BAD_REQUEST);
        }
        // Written first, used second: when two submissions race, the one that loses the atomic remove rolls its
        // write back, so exactly one configuration is committed.
        if (!links.consume(token, link)) {
            session.getTransactionManager().setRollbackOnly();
            return closed(token);
        }
        // Then the realm's first completion since its last one: every other link issued until now dies, and of two
        // links used at once only one configures the connection.
        if (!links.complete(realm, link)) {
            session.getTransactionManager().setRollbackOnly();
            return closed(token);
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail("b2bpack_event", "sso.onboarding_completed")
                .detail(Details.IDENTITY_PROVIDER, saved.getAlias())
                .detail("provider_id", saved.getProviderId())
                .detail("organization", link.slug())
                .detail("environment", link.environment())
                .success();
        return uncached(session.getProvider(LoginFormsProvider.class)
                .setAttribute("b2bpackState", "done")
                .setSuccess("b2bpackSsoOnboardingSaved")
                .createForm(TEMPLATE));
    }

    private Response form(String token, String error, Response.Status status) {
        ServiceProviderValues sp = ServiceProviderValues.of(session, realm);
        LoginFormsProvider page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("b2bpackState", "form")
                .setAttribute(
                        "b2bpackAction",
                        session.getContext()
                                .getUri()
                                .getBaseUriBuilder()
                                .path("realms")
                                .path(realm.getName())
                                .path(OnboardingPageProviderFactory.ID)
                                .path(token)
                                .build()
                                .toString())
                .setAttribute("b2bpackSp", sp.toMap())
                .setAttribute("b2bpackGuides", GUIDES)
                .setAttribute(
                        "b2bpackOrganization",
                        realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName())
                .setStatus(status);
        if (error != null) {
            page.setError(error);
        }
        return uncached(page.createForm(TEMPLATE));
    }

    private Response closed(String token) {
        boolean used = links.stateOf(token) == OnboardingLinks.State.USED;
        return uncached(session.getProvider(LoginFormsProvider.class)
                .setAttribute("b2bpackState", "closed")
                .setError(used ? "b2bpackSsoOnboardingUsed" : "b2bpackSsoOnboardingInvalid")
                .setStatus(used ? Response.Status.GONE : Response.Status.NOT_FOUND)
                .createForm(TEMPLATE));
    }

    /** The token is in the path: no shared or browser cache may keep the page (Keycloak's form sets no such header). */
    private static Response uncached(Response page) {
        return Response.fromResponse(page)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
