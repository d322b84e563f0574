package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.challenge.CodeVerifier;
import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.enrollment.EnrollmentState;
import io.github.b2bpack.sms.event.SmsEvents;
import io.github.b2bpack.sms.recovery.RecoveryCodeGenerator;
import io.github.b2bpack.sms.recovery.RecoveryCodeHasher.HashedCode;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

/**
 * A recovery code in place of the texted code: each code works once, and only one recovery login per
 * {@link RecoveryRules#RECOVERY_INTERVAL} (the stored time of the last one is checked, then the interval
 * is claimed atomically, so two codes submitted at once cannot both pass). The user must then enroll a
 * phone again.
 */
final class RecoveryCodeLogin {

    private RecoveryCodeLogin() {}

    /** Whether the login page offers the recovery-code link: the user has unused codes. */
    static boolean available(UserModel user) {
        CredentialModel credential = credential(user);
        return credential != null && RecoveryCodesCredential.remaining(credential) > 0;
    }

    /** Checks {@code input}; on success the texted code pending for the login is dropped. */
    static void attempt(
            AuthenticationFlowContext context, int codeLength, String input, String masked, CodeVerifier pending) {
        UserModel user = context.getUser();
        long now = Time.currentTimeMillis();
        if (!RecoveryRules.recoveryAllowed(EnrollmentState.lastRecoveryAt(user), now)
                || !EnrollmentState.claimRecovery(context.getSession(), context.getRealm(), user)) {
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
        CredentialModel credential = credential(user);
        String normalized = RecoveryCodeGenerator.normalize(input);
        List<HashedCode> left = credential == null || normalized == null
                ? null
                : RecoveryCodesCredential.consume(credential, normalized);
        if (left == null) {
            EnrollmentState.releaseRecovery(context.getSession(), context.getRealm(), user);
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
        RecoveryCodesCredential.write(credential, left, now);
        user.credentialManager().updateStoredCredential(credential);
        EnrollmentState.recordRecovery(user, now);
        user.addRequiredAction(SmsProviderIds.CONFIGURE_SMS_OTP);
        pending.discard();
        SmsEvents.success(
                context.getEvent().user(context.getUser()),
                EventType.UPDATE_CREDENTIAL,
                SmsEvents.RECOVERY_CODE_USED,
                "credential_type",
                RecoveryCodesCredential.TYPE,
                "remaining",
                Integer.toString(left.size()));
        context.success();
    }

    private static CredentialModel credential(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .findFirst()
                .orElse(null);
    }
}
