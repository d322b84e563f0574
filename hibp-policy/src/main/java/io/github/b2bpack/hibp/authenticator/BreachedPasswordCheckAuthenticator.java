package io.github.b2bpack.hibp.authenticator;

import io.github.b2bpack.hibp.lookup.BreachCount;
import io.github.b2bpack.hibp.lookup.BreachLookup;
import io.github.b2bpack.hibp.lookup.FailureMode;
import io.github.b2bpack.hibp.policy.HibpPasswordPolicyProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Checks, right after the password step, the password the user has just submitted (it is still in
 * this request's form parameters) against the breach corpus. A hit in the browser flow adds the
 * UPDATE_PASSWORD required action and shows why; in a direct grant it refuses the grant or only
 * records the hit. Requests without a password (SSO cookie, later steps) pass through untouched.
 */
public final class BreachedPasswordCheckAuthenticator implements Authenticator {

    static final String TEMPLATE = "b2bpack-breached-password.ftl";
    static final String EVENT_DETAIL = "b2bpack_event";
    static final String EVENT_NAME = "hibp.breached_password";

    private static final Logger LOG = Logger.getLogger(BreachedPasswordCheckAuthenticator.class);

    private final BreachLookup lookup;

    BreachedPasswordCheckAuthenticator(BreachLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst("password");
        UserModel user = context.getUser();
        if (password == null || password.isEmpty() || user == null) {
            context.success();
            return;
        }
        boolean directGrant = "password".equals(form.getFirst("grant_type"));
        LoginCheckSettings settings = LoginCheckSettings.from(
                context.getAuthenticatorConfig() == null
                        ? null
                        : context.getAuthenticatorConfig().getConfig());
        RealmModel realm = context.getRealm();
        long threshold =
                settings.threshold() != null ? settings.threshold() : HibpPasswordPolicyProvider.threshold(realm);
        FailureMode failureMode = settings.failureMode() != null
                ? settings.failureMode()
                : lookup.settings().failureMode();

        long started = System.nanoTime();
        BreachCount count = lookup.lookup(password);
        BreachCount.Verdict verdict = count.verdict(threshold, failureMode);
        // Outcome only: realm, user id, verdict, source, time. Never the password, hash or prefix.
        LOG.infof(
                "breached-password check at login: realm=%s user=%s flow=%s verdict=%s source=%s took=%dms",
                realm.getName(),
                user.getId(),
                directGrant ? "direct-grant" : "browser",
                verdict,
                count.source(),
                (System.nanoTime() - started) / 1_000_000);

        switch (verdict) {
            case CLEAN, UNAVAILABLE_ALLOWED -> context.success();
            case BREACHED -> onBreached(context, user, directGrant, settings.refuseDirectGrant());
            case UNAVAILABLE_REFUSED -> onUnavailable(context, directGrant);
        }
    }

    private void onBreached(
            AuthenticationFlowContext context, UserModel user, boolean directGrant, boolean refuseDirectGrant) {
        String action = directGrant ? (refuseDirectGrant ? "refused" : "recorded") : "update_password";
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(user)
                .detail(EVENT_DETAIL, EVENT_NAME)
                .detail("hibp_action", action)
                .success();
        if (directGrant) {
            if (refuseDirectGrant) {
                // A failure with a response ends the direct grant without an event of Keycloak's own:
                // record the LOGIN_ERROR here, as the built-in direct-grant authenticators do.
                context.getEvent().user(user).detail(EVENT_DETAIL, EVENT_NAME).error("password_breached");
                context.failure(
                        AuthenticationFlowError.INVALID_CREDENTIALS,
                        json(
                                Response.Status.BAD_REQUEST,
                                "invalid_grant",
                                "This password has appeared in a known data breach. Reset it before signing in."));
            } else {
                context.success();
            }
            return;
        }
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.challenge(context.form().createForm(TEMPLATE));
    }

    private void onUnavailable(AuthenticationFlowContext context, boolean directGrant) {
        if (directGrant) {
            context.getEvent().error("breach_check_unavailable");
            context.failure(
                    AuthenticationFlowError.INTERNAL_ERROR,
                    json(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "temporarily_unavailable",
                            "The breached-password check is unavailable. Try again later."));
            return;
        }
        context.failureChallenge(
                AuthenticationFlowError.INTERNAL_ERROR,
                context.form()
                        .setError(HibpPasswordPolicyProvider.UNAVAILABLE_MESSAGE)
                        .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
    }

    private static Response json(Response.Status status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }

    /** The "Continue" of the explanation page: the required action takes over from here. */
    @Override
    public void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
