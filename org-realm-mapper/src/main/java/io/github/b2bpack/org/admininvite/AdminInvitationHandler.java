package io.github.b2bpack.org.admininvite;

import io.github.b2bpack.org.admins.AdminAttributes;
import io.github.b2bpack.org.admins.AdminRecord;
import io.github.b2bpack.org.admins.AdminStatus;
import io.github.b2bpack.org.jpa.RowLocks;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens the invitation link. The mailed link shows a page with the organization's name and two buttons,
 * accept and decline (links that carry the choice and are bound to this browser's authentication session, as
 * Keycloak's own "execute actions" confirmation is). Accepting records {@code accepted_invitation_at}, grants
 * the administrator roles and runs the required actions (password, the realm's SMS second factor); declining
 * records {@code declined_to_be_in_charge_at} (the account stays as it was) and shows a page. Either answer uses up the
 * link and its sibling (same nonce); a link of an answered, deleted or replaced invitation is refused with a
 * page, as are forged and expired ones (Keycloak's checks, before this handler runs).
 */
public final class AdminInvitationHandler extends AbstractActionTokenHandler<AdminInvitationToken> {

    static final String TEMPLATE = "b2bpack-org-admin-invitation.ftl";
    static final String MSG_INVALID = "b2bpackAdminInvitationInvalid";
    static final String MSG_ANSWERED = "b2bpackAdminInvitationAnswered";
    static final String MSG_DECLINED = "b2bpackAdminInvitationDeclined";

    public AdminInvitationHandler() {
        super(
                AdminInvitationToken.TOKEN_TYPE,
                AdminInvitationToken.class,
                MSG_INVALID,
                EventType.EXECUTE_ACTIONS,
                Errors.INVALID_TOKEN);
    }

    @Override
    public Predicate<? super AdminInvitationToken>[] getVerifiers(
            ActionTokenContext<AdminInvitationToken> tokenContext) {
        return TokenUtils.predicates(
                verifyEmail(tokenContext),
                TokenUtils.checkThat(
                        t -> isOpen(tokenContext.getAuthenticationSession().getAuthenticatedUser(), t),
                        Errors.INVALID_TOKEN,
                        MSG_ANSWERED));
    }

    /** The invitation the token names is the user's current one, and unanswered. */
    static boolean isOpen(UserModel user, AdminInvitationToken token) {
        AdminRecord admin = user == null ? null : AdminMembership.record(user);
        return admin != null && admin.invitedAt() == token.getInvitedAt() && admin.status() == AdminStatus.PENDING;
    }

    @Override
    public boolean canUseTokenRepeatedly(
            AdminInvitationToken token, ActionTokenContext<AdminInvitationToken> tokenContext) {
        return false;
    }

    @Override
    public Response handleToken(AdminInvitationToken token, ActionTokenContext<AdminInvitationToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        String choice = token.getChoice();
        if (tokenContext.isAuthenticationSessionFresh()
                || !(AdminInvitationToken.ACCEPT.equals(choice) || AdminInvitationToken.DECLINE.equals(choice))) {
            return choicePage(token, tokenContext);
        }
        // Used up now, not when the required actions end: a decline ends no flow, and an accept must not be
        // replayable while the person is still on the password page.
        // putIfAbsent, not contains-then-put: of an accept and a decline sent at once, exactly one gets here.
        if (!session.singleUseObjects()
                .putIfAbsent(token.serializeKey(), Math.max(1, token.getExp() - Time.currentTime()))) {
            return answered(tokenContext);
        }
        UserModel user = authSession.getAuthenticatedUser();
        // Under the user's row lock, the invitation must still be the open one (not deleted or replaced by a
        // request that ran since the verifiers read it).
        AdminRecord current = AdminAttributes.read(RowLocks.lockUser(session, user));
        if (current == null || current.invitedAt() != token.getInvitedAt() || current.status() != AdminStatus.PENDING) {
            return answered(tokenContext);
        }
        long now = Time.currentTimeMillis();
        EventBuilder event = tokenContext.getEvent().clone().user(user);
        if (AdminInvitationToken.DECLINE.equals(choice)) {
            // The account itself stays as it was: the person may be a user of the organization already.
            AdminMembership.set(user, AdminAttributes.DECLINED_AT, now);
            event.detail("b2bpack_event", "org_admin.invitation_declined").success();
            AdminEvents.answered(session, realm, user, "org_admin.invitation_declined");
            return session.getProvider(LoginFormsProvider.class)
                    .setAuthenticationSession(authSession)
                    .setInfo(MSG_DECLINED, AdminInvitationMailer.displayName(realm))
                    .createInfoPage();
        }
        // A password chosen now unless the invitation created the account and its address was verified since:
        // whoever set the current one may not be the person who read the mail. The account's other sessions
        // end (and their tokens stop working) before it gets the roles.
        boolean newPassword = !current.createdByInvitation() || !user.isEmailVerified();
        AdminMembership.endSessions(session, realm, user);
        AdminMembership.set(user, AdminAttributes.ACCEPTED_AT, now);
        user.setEmailVerified(true);
        AdminMembership.grant(realm, user);
        AdminMembership.addRequiredActions(realm, user, newPassword);
        event.detail("b2bpack_event", "org_admin.invitation_accepted").success();
        AdminEvents.answered(session, realm, user, "org_admin.invitation_accepted");
        String next = AuthenticationManager.nextRequiredAction(
                session, authSession, tokenContext.getRequest(), tokenContext.getEvent());
        if (next == null) {
            return session.getProvider(LoginFormsProvider.class)
                    .setAuthenticationSession(authSession)
                    .setInfo("b2bpackAdminInvitationAccepted", AdminInvitationMailer.displayName(realm))
                    .createInfoPage();
        }
        return AuthenticationManager.redirectToRequiredActions(
                session, realm, authSession, tokenContext.getUriInfo(), next);
    }

    /** The "already answered" page, for the loser of an accept and a decline sent at once. */
    private static Response answered(ActionTokenContext<AdminInvitationToken> tokenContext) {
        tokenContext.getEvent().clone().error(Errors.INVALID_TOKEN);
        return tokenContext
                .getSession()
                .getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession())
                .setError(MSG_ANSWERED)
                .createErrorPage(Response.Status.BAD_REQUEST);
    }

    /** The page that shows the invitation with its accept and decline buttons, bound to this browser. */
    private Response choicePage(AdminInvitationToken token, ActionTokenContext<AdminInvitationToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        UriInfo uriInfo = tokenContext.getUriInfo();
        token.setCompoundAuthenticationSessionId(
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId());
        token.setChoice(AdminInvitationToken.ACCEPT);
        String accept = link(token, tokenContext);
        token.setChoice(AdminInvitationToken.DECLINE);
        String decline = link(token, tokenContext);
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(authSession)
                .setAttribute("b2bpackOrganizationName", AdminInvitationMailer.displayName(realm))
                .setAttribute("b2bpackInvitedEmail", token.getEmail())
                .setAttribute("b2bpackAcceptUrl", accept)
                .setAttribute("b2bpackDeclineUrl", decline)
                .createForm(TEMPLATE);
    }

    private static String link(AdminInvitationToken token, ActionTokenContext<AdminInvitationToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UriInfo uriInfo = tokenContext.getUriInfo();
        return Urls.actionTokenBuilder(
                        uriInfo.getBaseUri(),
                        token.serialize(session, realm, uriInfo),
                        authSession.getClient().getClientId(),
                        authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName())
                .toString();
    }
}
