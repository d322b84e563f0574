package io.github.b2bpack.org.ssobroker;

import io.github.b2bpack.org.admininvite.AdminMembership;
import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.sso.SsoKeys;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import io.github.b2bpack.org.userprofile.EmailDomainValidator;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * First login through an SSO connection: the person must come with an email in the organization's verified email
 * domains (the rule the realm's user profile enforces, read from there), and a person the realm does not know gets
 * in only when the connection's users access policy says so. A refusal is a page with a message key and a
 * {@code IDENTITY_PROVIDER_FIRST_LOGIN_ERROR} event whose detail {@code b2bpack_event} names it.
 */
public final class SsoAccessPolicyAuthenticator extends AbstractIdpAuthenticator {

    public static final String MESSAGE_NOT_REGISTERED = "b2bpackSsoUserNotRegistered";
    public static final String MESSAGE_NO_EMAIL = "b2bpackSsoEmailMissing";
    public static final String MESSAGE_DOMAIN = "b2bpackSsoEmailDomainNotAllowed";
    public static final String MESSAGE_NOT_LINKABLE = "b2bpackSsoAccountNotLinkable";
    /** Config key of the execution after the review page, and its value. */
    public static final String PHASE_KEY = "b2bpack.sso.phase";

    public static final String AFTER_REVIEW = "after_review";
    private static final String NOTE_EMAIL = "b2bpack.sso.idp-email";
    private static final String NOTE_USERNAME = "b2bpack.sso.idp-username";

    @Override
    protected void authenticateImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        Map<String, String> idp = broker.getIdpConfig().getConfig();
        if (!SsoKeys.ALIAS.equals(broker.getIdpConfig().getAlias())) {
            // Not the organization's connection (the flow was set on another identity provider): no opinion.
            context.success();
            return;
        }
        String email = broker.getEmail();
        if (!sameIdentityAsTheIdpSent(context, email, broker.getModelUsername())) {
            refuse(context, "sso.identity_changed", MESSAGE_NOT_LINKABLE);
            return;
        }
        if (email == null || email.isBlank()) {
            refuse(context, "sso.email_missing", MESSAGE_NO_EMAIL);
            return;
        }
        Optional<List<String>> domains = organizationDomains(context.getSession(), context.getRealm());
        if (domains.isPresent() && !EmailDomains.allows(domains.get(), email)) {
            refuse(context, "sso.email_domain_not_allowed", MESSAGE_DOMAIN);
            return;
        }
        UsersAccessPolicy policy =
                UsersAccessPolicy.byId(idp.get(SsoKeys.USERS_ACCESS_POLICY)).orElse(UsersAccessPolicy.DEFAULT);
        UserModel known = context.getSession().users().getUserByEmail(context.getRealm(), email);
        if (known != null && AdminMembership.holdsOtherManagementRoles(context.getRealm(), known)) {
            // The organization's administrators configure this IdP; linking would let them sign in as an operator
            // of their realm (realm-admin, manage-realm…), whom the pack's APIs never let them touch either.
            refuse(context, "sso.account_not_linkable", MESSAGE_NOT_LINKABLE);
            return;
        }
        // Keycloak's next step (create user if unique) also matches by username, the one the IdP sends (SAML NameID,
        // OIDC preferred_username), and auto-links to it: an IdP asserting a new address with an operator's username
        // would sign in as the operator (attacker review, 2026-12-07). Only the email decides whom a person is.
        String username = broker.getModelUsername();
        UserModel sameUsername = username == null || username.isBlank()
                ? null
                : context.getSession().users().getUserByUsername(context.getRealm(), username);
        if (sameUsername != null && (known == null || !sameUsername.getId().equals(known.getId()))) {
            refuse(context, "sso.account_not_linkable", MESSAGE_NOT_LINKABLE);
            return;
        }
        if (known == null && policy == UsersAccessPolicy.ONLY_REGISTERED_USERS) {
            refuse(context, "sso.user_not_registered", MESSAGE_NOT_REGISTERED);
            return;
        }
        context.getEvent().detail("b2bpack_sso_policy", policy.id());
        context.success();
    }

    @Override
    protected void actionImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        authenticateImpl(context, serialized, broker);
    }

    /**
     * The flow runs this step twice: before Keycloak's review-profile page, on what the IdP sent, and after it
     * (configured {@value #PHASE_KEY}={@value #AFTER_REVIEW}). The page may fill in what the IdP left out (a last
     * name) but may not change who the person is: a username or email typed there would otherwise make Keycloak's
     * next step link an account the IdP never named (second review, 2026-12-07).
     */
    private static boolean sameIdentityAsTheIdpSent(AuthenticationFlowContext context, String email, String username) {
        AuthenticationSessionModel session = context.getAuthenticationSession();
        String sentEmail = normalized(email);
        String sentUsername = normalized(username);
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        boolean afterReview = config != null
                && config.getConfig() != null
                && AFTER_REVIEW.equals(config.getConfig().get(PHASE_KEY));
        if (!afterReview) {
            session.setAuthNote(NOTE_EMAIL, sentEmail);
            session.setAuthNote(NOTE_USERNAME, sentUsername);
            return true;
        }
        return sentEmail.equals(session.getAuthNote(NOTE_EMAIL))
                && sentUsername.equals(session.getAuthNote(NOTE_USERNAME));
    }

    private static String normalized(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private void refuse(AuthenticationFlowContext context, String action, String message) {
        context.getEvent().detail("b2bpack_event", action);
        sendFailureChallenge(
                context,
                Response.Status.FORBIDDEN,
                Errors.USER_NOT_FOUND,
                message,
                AuthenticationFlowError.ACCESS_DENIED);
    }

    /**
     * The organization's verified email domains as the realm's user profile holds them (its email validator),
     * empty when the organization claims no domain (no validator: no rule).
     */
    static Optional<List<String>> organizationDomains(KeycloakSession session, RealmModel realm) {
        UPAttribute email = session.getProvider(UserProfileProvider.class)
                .getConfiguration()
                .getAttribute(UserModel.EMAIL);
        if (email == null || email.getValidations() == null) {
            return Optional.empty();
        }
        Map<String, Object> rule = email.getValidations().get(EmailDomainValidator.ID);
        if (rule == null) {
            return Optional.empty();
        }
        Object value = rule.get(EmailDomainValidator.CONFIG_DOMAINS);
        if (value instanceof Collection<?> list) {
            return Optional.of(list.stream().map(String::valueOf).toList());
        }
        // A validator whose list cannot be read accepts nobody, as the validator itself would.
        return Optional.of(List.of());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
