package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.enrollment.RecoveryCodes;
import io.github.b2bpack.sms.event.SmsEvents;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * {@code app-otp-form}: a code of the user's authenticator app, checked against Keycloak's own {@code otp}
 * credentials and the realm's OTP policy (so users enrolled with Keycloak's CONFIGURE_TOTP or the account
 * console keep working; Keycloak's provider also refuses a code used before unless the policy allows reuse).
 * Each check ({@link AppCodeCheck}) first claims one of {@link AppAttempts}' slots; every wrong code is a brute-force failure
 * (category {@code otp}). The shared recovery codes replace the app once per 24 h, after which the app must
 * be enrolled again.
 */
final class AppOtpAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!configuredFor(context.getSession(), context.getRealm(), context.getUser())) {
            context.attempted();
            return;
        }
        if (LockCheck.lockedOut(context)) {
            context.challenge(locked(context).createForm(AppOtpForm.TEMPLATE));
            return;
        }
        context.challenge(codeForm(context).createForm(AppOtpForm.TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (!configuredFor(context.getSession(), context.getRealm(), user)) {
            context.attempted();
            return;
        }
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey("useRecovery")) {
            context.challenge(
                    AppOtpForm.recovery(context.form(), digits(context)).createForm(AppOtpForm.TEMPLATE));
            return;
        }
        if (params.containsKey("useApp")) {
            context.challenge(codeForm(context).createForm(AppOtpForm.TEMPLATE));
            return;
        }
        if (LockCheck.lockedOut(context)) {
            context.getEvent().user(user).error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(locked(context).createForm(AppOtpForm.TEMPLATE));
            return;
        }
        if (params.containsKey(AppOtpForm.RECOVERY_FIELD)) {
            recovery(context, params.getFirst(AppOtpForm.RECOVERY_FIELD));
            return;
        }
        AppCodeCheck.Result checked = AppCodeCheck.check(
                context.getSession(), context.getRealm(), user, params.getFirst(AppOtpForm.CODE_FIELD));
        if (checked == AppCodeCheck.Result.NO_SLOT) {
            // Not compared, so not a guess: not counted as a brute-force failure either.
            SmsEvents.error(
                    context.getEvent().user(user),
                    EventType.LOGIN_ERROR,
                    SmsEvents.APP_CHALLENGE_FAILED,
                    "too_many_attempts",
                    "reason",
                    "too_many_attempts");
            LoginFormsProvider form = codeForm(context);
            AppOtpForm.fieldError(form, AppOtpForm.CODE_FIELD, "b2bpackAppOtpTooManyAttempts");
            context.challenge(form.createForm(AppOtpForm.TEMPLATE));
            return;
        }
        if (checked == AppCodeCheck.Result.VALID) {
            SmsEvents.success(
                    context.getEvent().user(user),
                    EventType.CUSTOM_REQUIRED_ACTION,
                    SmsEvents.APP_CHALLENGE_SUCCEEDED,
                    "credential_type",
                    OTPCredentialModel.TYPE);
            context.success();
            return;
        }
        context.getEvent()
                .user(user)
                .detail(SmsEvents.DETAIL, SmsEvents.APP_CHALLENGE_FAILED)
                .detail("reason", "wrong_code")
                .error(Errors.INVALID_USER_CREDENTIALS);
        LoginFormsProvider form = codeForm(context);
        AppOtpForm.fieldError(form, AppOtpForm.CODE_FIELD, "b2bpackAppOtpCodeInvalid");
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form.createForm(AppOtpForm.TEMPLATE));
    }

    private static void recovery(AuthenticationFlowContext context, String input) {
        UserModel user = context.getUser();
        RecoveryCodes.Outcome outcome = RecoveryCodes.use(
                context.getSession(), context.getRealm(), user, input, SmsProviderIds.CONFIGURE_APP_OTP);
        switch (outcome.result()) {
            case LIMIT -> {
                SmsEvents.error(
                        context.getEvent().user(user),
                        EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                        SmsEvents.RECOVERY_CODE_USED,
                        "recovery_limit_reached",
                        "method",
                        "app");
                LoginFormsProvider form = AppOtpForm.recovery(context.form(), digits(context));
                AppOtpForm.fieldError(form, AppOtpForm.RECOVERY_FIELD, "b2bpackSmsRecoveryLimit");
                context.challenge(form.createForm(AppOtpForm.TEMPLATE));
            }
            case WRONG -> {
                context.getEvent()
                        .user(user)
                        .detail(SmsEvents.DETAIL, SmsEvents.APP_CHALLENGE_FAILED)
                        .detail("reason", "wrong_recovery_code")
                        .error(Errors.INVALID_USER_CREDENTIALS);
                LoginFormsProvider form = AppOtpForm.recovery(context.form(), digits(context));
                AppOtpForm.fieldError(form, AppOtpForm.RECOVERY_FIELD, "b2bpackSmsRecoveryCodeInvalid");
                context.failureChallenge(
                        AuthenticationFlowError.INVALID_CREDENTIALS, form.createForm(AppOtpForm.TEMPLATE));
            }
            case USED -> {
                SmsEvents.success(
                        context.getEvent().user(user),
                        EventType.UPDATE_CREDENTIAL,
                        SmsEvents.RECOVERY_CODE_USED,
                        "credential_type",
                        RecoveryCodesCredential.TYPE,
                        "method",
                        "app",
                        "remaining",
                        Integer.toString(outcome.remaining()));
                context.success();
            }
        }
    }

    private static LoginFormsProvider codeForm(AuthenticationFlowContext context) {
        return AppOtpForm.code(context.form(), digits(context), RecoveryCodes.available(context.getUser()));
    }

    private static LoginFormsProvider locked(AuthenticationFlowContext context) {
        return AppOtpForm.code(context.form(), digits(context), false).setError("b2bpackSmsTemporarilyLocked");
    }

    private static int digits(AuthenticationFlowContext context) {
        return context.getRealm().getOTPPolicy().getDigits();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Any stored {@code otp} credential, whoever created it (this module, CONFIGURE_TOTP, an import). */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user != null
                && user.credentialManager()
                        .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                        .findAny()
                        .isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        user.addRequiredAction(SmsProviderIds.CONFIGURE_APP_OTP);
    }

    @Override
    public void close() {}
}
