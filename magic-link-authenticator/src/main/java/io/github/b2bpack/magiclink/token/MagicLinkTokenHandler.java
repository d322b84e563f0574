package io.github.b2bpack.magiclink.token;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.ActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenHandlerFactory;
import org.keycloak.authentication.actiontoken.ExplainedTokenVerificationException;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.common.VerificationException;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens a magic link. Before this runs, Keycloak has checked the signature, expiry, realm, user (exists, enabled)
 * and client, and looked for the authentication session of this browser that the token names ({@code asid}). Then:
 * <ul>
 *   <li>no such session here (another browser or device): a bound link is refused with a page, before it is used
 *   up, so a mail scanner that fetches the link does not burn it; an unbound one starts a session for the same
 *   client and finishes the same authorization request there (redirect URI checked again against the client);</li>
 *   <li>the link is used up with an atomic put-if-absent: of two clicks at once, one wins, the other gets a page;</li>
 *   <li>the user's id goes into an authentication-session note and the realm's browser flow resumes: the magic-link
 *   step succeeds with that user and the later steps (second factor, required actions) run as after a password.</li>
 * </ul>
 */
public final class MagicLinkTokenHandler
        implements ActionTokenHandler<MagicLinkToken>, ActionTokenHandlerFactory<MagicLinkToken> {

    /** The user the link identified; read (and removed) by the magic-link authenticator only. */
    public static final String VERIFIED_NOTE = "b2bpack.magic-link.verified-user";

    static final String MSG_INVALID = "b2bpackMagicLinkInvalid";
    static final String MSG_USED = "b2bpackMagicLinkUsed";
    static final String MSG_OTHER_BROWSER = "b2bpackMagicLinkOtherBrowser";

    // Its own handler rather than AbstractActionTokenHandler: that class's startFreshAuthenticationSession may not
    // throw the VerificationException that refuses a bound link in another browser with a page.

    @Override
    public String getId() {
        return MagicLinkToken.TOKEN_TYPE;
    }

    @Override
    public ActionTokenHandler<MagicLinkToken> create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public Class<MagicLinkToken> getTokenClass() {
        return MagicLinkToken.class;
    }

    @Override
    public EventType eventType() {
        return EventType.LOGIN;
    }

    @Override
    public String getDefaultEventError() {
        return Errors.INVALID_TOKEN;
    }

    @Override
    public String getDefaultErrorMessage() {
        return MSG_INVALID;
    }

    @Override
    public String getAuthenticationSessionIdFromToken(
            MagicLinkToken token,
            ActionTokenContext<MagicLinkToken> tokenContext,
            AuthenticationSessionModel currentAuthSession) {
        return token.getCompoundAuthenticationSessionId();
    }

    @Override
    public Predicate<? super MagicLinkToken>[] getVerifiers(ActionTokenContext<MagicLinkToken> tokenContext) {
        // The address the link went to is still the user's: changing the email kills the links sent before.
        return TokenUtils.predicates(TokenUtils.checkThat(
                t -> {
                    UserModel user = tokenContext.getAuthenticationSession().getAuthenticatedUser();
                    return user != null && t.getEmail() != null && t.getEmail().equalsIgnoreCase(user.getEmail());
                },
                Errors.INVALID_EMAIL,
                MSG_INVALID));
    }

    @Override
    public boolean canUseTokenRepeatedly(MagicLinkToken token, ActionTokenContext<MagicLinkToken> tokenContext) {
        return false;
    }

    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(
            MagicLinkToken token, ActionTokenContext<MagicLinkToken> tokenContext) throws VerificationException {
        if (tokenContext.getSession().singleUseObjects().contains(token.serializeKey())) {
            // A replay (the session it signed in is gone): say so rather than blame the browser.
            throw new ExplainedTokenVerificationException(token, Errors.EXPIRED_CODE, MSG_USED);
        }
        if (token.isBound()) {
            throw new ExplainedTokenVerificationException(token, Errors.INVALID_TOKEN, MSG_OTHER_BROWSER);
        }
        AuthenticationSessionModel authSession =
                tokenContext.createAuthenticationSessionForClient(token.getIssuedFor());
        ClientModel client = authSession.getClient();
        Map<String, String> oidc = token.getOidc();
        String redirect = RedirectUtils.verifyRedirectUri(tokenContext.getSession(), oidc.get("redirect_uri"), client);
        if (redirect == null) {
            throw new ExplainedTokenVerificationException(token, Errors.INVALID_REDIRECT_URI, MSG_INVALID);
        }
        authSession.setRedirectUri(redirect);
        for (String note : MagicLinkToken.OIDC_NOTES) {
            String value = oidc.get(note);
            if (value != null && !note.equals("redirect_uri")) {
                authSession.setClientNote(note, value);
            }
        }
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirect);
        return authSession;
    }

    @Override
    public Response handleToken(MagicLinkToken token, ActionTokenContext<MagicLinkToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        long left = Math.max(1, token.getExp() - Time.currentTime());
        if (!session.singleUseObjects().putIfAbsent(token.serializeKey(), left)) {
            tokenContext.getEvent().clone().error(Errors.INVALID_TOKEN);
            return session.getProvider(LoginFormsProvider.class)
                    .setAuthenticationSession(authSession)
                    .setError(MSG_USED)
                    .createErrorPage(Response.Status.BAD_REQUEST);
        }
        // Used up above already; Keycloak would put the same key again at the end of the flow.
        authSession.removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);
        authSession.setAuthNote(VERIFIED_NOTE, token.getUserId());
        return tokenContext.processFlow(
                false,
                LoginActionsService.AUTHENTICATE_PATH,
                AuthenticationFlowResolver.resolveBrowserFlow(authSession),
                null,
                new AuthenticationProcessor());
    }
}
