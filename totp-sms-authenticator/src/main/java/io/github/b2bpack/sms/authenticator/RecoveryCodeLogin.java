package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.challenge.CodeVerifier;
import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.enrollment.RecoveryCodes;
import io.github.b2bpack.sms.event.SmsEvents;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

/**
 * A recovery code in place of the texted code, under the rules shared with the app method
 * ({@link RecoveryCodes}): each code once, one recovery login per 24 h, then the phone must be enrolled
 * again.
 */
final class RecoveryCodeLogin {

    private RecoveryCodeLogin() {}

    /** Whether the login page offers the recovery-code link: the user has unused codes. */
    static boolean available(UserModel user) {
        return RecoveryCodes.available(user);
    }

    /** Checks {@code input}; on success the texted code pending for the login is dropped. */
    static void attempt(
            AuthenticationFlowContext context, int codeLength, String input, String masked, CodeVerifier pending) {
        UserModel user = context.getUser();
        RecoveryCodes.Outcome outcome = RecoveryCodes.use(
                context.getSession(), context.getRealm(), user, input, SmsProviderIds.CONFIGURE_SMS_OTP);
        if (outcome.result() == RecoveryCodes.Result.LIMIT) {
            SmsEvents.error(
                    context.getEvent().user(context.getUser()),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.RECOVERY_CODE_USED,
                    "recovery_limit_reached");
            LoginFormsProvider form = SmsOtpForm.recovery(context.form(), masked, codeLength);
            SmsOtpForm.fieldError(form, SmsOtpForm.RECOVERY_FIELD, "b2bpackSmsRecoveryLimit");
            context.challenge(form.createForm(SmsOtpForm.TEMPLATE));
            return;
        }
        if (outcome.result() == RecoveryCodes.Result.WRONG) {
            context.getEvent()
                    .user(user)
                    .detail(SmsEvents.DETAIL, SmsEvents.CHALLENGE_FAILED)
                    .detail("reason", "wrong_recovery_code")
                    .error(Errors.INVALID_USER_CREDENTIALS);
            LoginFormsProvider form = SmsOtpForm.recovery(context.form(), masked, codeLength);
            SmsOtpForm.fieldError(form, SmsOtpForm.RECOVERY_FIELD, "b2bpackSmsRecoveryCodeInvalid");
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form.createForm(SmsOtpForm.TEMPLATE));
            return;
        }
        pending.discard();
        SmsEvents.success(
                context.getEvent().user(context.getUser()),
                EventType.UPDATE_CREDENTIAL,
                SmsEvents.RECOVERY_CODE_USED,
                "credential_type",
                RecoveryCodesCredential.TYPE,
                "remaining",
                Integer.toString(outcome.remaining()));
        context.success();
    }
}
