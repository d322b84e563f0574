package io.github.b2bpack.sms.directgrant;

import io.github.b2bpack.sms.credential.SmsOtpCredential;
import io.github.b2bpack.sms.event.SmsEvents;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * {@code direct-grant-sms-otp}: the password grant cannot text a code and wait for it, so a user who
 * has an SMS or authenticator-app second factor is refused there instead of getting tokens with the password alone. It
 * runs after Keycloak's password check, so the refusal tells a caller that the password was right;
 * what it never gives is a token, and wrong passwords are still counted by brute-force protection in
 * the password step.
 */
final class DirectGrantSmsOtpAuthenticator implements Authenticator {

    static final String ERROR = "invalid_grant";
    static final String DESCRIPTION = "This account requires the SMS second factor; sign in through the browser";
    /** For users whose only factor is an authenticator app (the SMS text is kept for SMS users' scripts). */
    static final String APP_DESCRIPTION = "This account requires a second factor; sign in through the browser";
    /** Event error code of the refusal (LOGIN_ERROR). */
    static final String EVENT_ERROR = "sms_second_factor_required";

    static final String REFUSED = "sms_otp.direct_grant_refused";
    static final String EXEMPTED = "sms_otp.direct_grant_exempted";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !hasSecondFactor(user)) {
            context.success();
            return;
        }
        ClientModel client = context.getAuthenticationSession().getClient();
        String clientId = client == null ? null : client.getClientId();
        if (settings(context).exempts(clientId)) {
            // Audited: an exempted client is a deliberate hole in the second factor.
            SmsEvents.success(
                    context.getEvent().user(user),
                    EventType.CUSTOM_REQUIRED_ACTION,
                    EXEMPTED,
                    "exempt_client",
                    clientId);
            context.success();
            return;
        }
        context.getEvent().user(user).detail(SmsEvents.DETAIL, REFUSED).error(EVENT_ERROR);
        // A challenge, not a failure: nothing was guessed here (the password was right), so the
        // refusal must not count towards brute-force lockout of the account; the grant ends with
        // this answer either way and the token endpoint adds no event of its own.
        context.forceChallenge(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(
                        "error", ERROR, "error_description", hasSmsCredential(user) ? DESCRIPTION : APP_DESCRIPTION))
                .build());
    }

    private static ExemptClients settings(AuthenticationFlowContext context) {
        if (context.getAuthenticatorConfig() == null
                || context.getAuthenticatorConfig().getConfig() == null) {
            return ExemptClients.NONE;
        }
        return ExemptClients.parse(
                context.getAuthenticatorConfig().getConfig().get(DirectGrantSmsOtpAuthenticatorFactory.EXEMPT_CLIENTS));
    }

    /**
     * An SMS phone or an authenticator app ({@code otp}, the pack's app method): the password grant can check
     * neither under the pack's rules (attempt slots, recovery limits), so both are refused.
     */
    private static boolean hasSecondFactor(UserModel user) {
        return hasSmsCredential(user)
                || user.credentialManager()
                        .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                        .findAny()
                        .isPresent();
    }

    /** Any stored sms-otp credential counts, even one whose data cannot be read: fail closed. */
    private static boolean hasSmsCredential(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpCredential.TYPE)
                .findAny()
                .isPresent();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // The password grant is a single request: there is no form to come back to.
        authenticate(context);
    }

    /**
     * False on purpose: the check happens in {@link #authenticate}, so the step also works placed
     * REQUIRED directly in a direct-grant flow, where Keycloak would otherwise refuse every user
     * without an SMS credential ("credential setup required").
     */
    @Override
    public boolean requiresUser() {
        return false;
    }

    /** What {@code conditional-user-configured} asks: users without an SMS credential skip the sub-flow. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user != null && hasSecondFactor(user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
