package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.event.SmsEvents;
import io.github.b2bpack.sms.method.OtpMethod;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.TotpUtils;

/**
 * {@code CONFIGURE_APP_OTP}: a QR code and its {@code otpauth://} URI for a fresh secret (kept in the
 * authentication session, never in the page's form), the first code from the app proves the scan, then
 * Keycloak's own {@code otp} credential is stored under the realm's OTP policy (replacing the user's other
 * OTP devices: a re-enrollment follows a lost device) together with the 5 shared recovery codes, shown once.
 * Self enrollments count against the same cap as the SMS ones.
 */
final class ConfigureAppOtpRequiredAction implements RequiredActionProvider {

    static final String NOTE_SECRET = "b2bpack.app.enroll.secret";
    static final String NOTE_DONE = "b2bpack.app.enroll.done";
    static final String CODE_FIELD = "otp";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    /** Moves a pending app enrollment to SMS when the realm offers only SMS ({@link MethodRouting}). */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        MethodRouting.route(context, OtpMethod.APP);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (refused(context)) {
            return;
        }
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        auth.removeAuthNote(NOTE_DONE);
        String secret = HmacOTP.generateSecret(20);
        auth.setAuthNote(NOTE_SECRET, secret);
        context.challenge(page(context, secret).createForm(AppEnrollmentForm.TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey("acknowledge") && "true".equals(auth.getAuthNote(NOTE_DONE))) {
            auth.removeAuthNote(NOTE_DONE);
            context.success();
            return;
        }
        if (MethodRouting.switchRequested(context, OtpMethod.APP) || refused(context)) {
            return;
        }
        String secret = auth.getAuthNote(NOTE_SECRET);
        if (secret == null) {
            requiredActionChallenge(context);
            return;
        }
        String code = params.getFirst(CODE_FIELD);
        OTPCredentialModel model = AppOtpEnrollment.firstCode(context.getRealm(), secret, code);
        if (model == null) {
            SmsEvents.error(
                    context.getEvent(),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.APP_CHALLENGE_FAILED,
                    "invalid_code",
                    "purpose",
                    "enroll");
            LoginFormsProvider form = page(context, secret);
            EnrollmentForm.fieldError(form, CODE_FIELD, "b2bpackAppOtpCodeInvalid");
            context.challenge(form.createForm(AppEnrollmentForm.TEMPLATE));
            return;
        }
        List<String> recoveryCodes = enroll(context, model, code);
        auth.removeAuthNote(NOTE_SECRET);
        auth.setAuthNote(NOTE_DONE, "true");
        context.challenge(EnrollmentForm.recoveryCodes(context.form(), recoveryCodes, null)
                .createForm(EnrollmentForm.CODES_TEMPLATE));
    }

    /** Replaces the OTP devices and recovery codes, counts the enrollment and reports it. */
    private static List<String> enroll(RequiredActionContext context, OTPCredentialModel model, String code) {
        UserModel user = context.getUser();
        AppOtpEnrollment.store(user, model, code);
        List<String> codes = RecoveryCodes.issue(user);
        EnrollmentState.recordEnrollment(user);
        user.removeRequiredAction(SmsProviderIds.CONFIGURE_APP_OTP);
        SmsEvents.success(
                context.getEvent(),
                EventType.UPDATE_CREDENTIAL,
                SmsEvents.APP_ENROLLED,
                "credential_type",
                OTPCredentialModel.TYPE,
                "enrollments",
                Integer.toString(EnrollmentState.enrollments(user)));
        return codes;
    }

    /** The cap on self enrollments, or a realm that does not offer the app (application-initiated action). */
    private static boolean refused(RequiredActionContext context) {
        if (!MethodRouting.methods(context.getRealm()).offers(OtpMethod.APP)) {
            SmsEvents.error(
                    context.getEvent(),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.APP_ENROLLED,
                    "method_not_offered");
            context.challenge(
                    context.form().setError("b2bpackOtpMethodNotOffered").createErrorPage(Response.Status.FORBIDDEN));
            return true;
        }
        if (!RecoveryRules.selfEnrollmentAllowed(EnrollmentState.enrollments(context.getUser()))) {
            SmsEvents.error(
                    context.getEvent(),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.APP_ENROLLED,
                    "enrollment_limit_reached");
            context.challenge(
                    context.form().setError("b2bpackOtpReenrollLimit").createErrorPage(Response.Status.FORBIDDEN));
            return true;
        }
        return false;
    }

    private static LoginFormsProvider page(RequiredActionContext context, String secret) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        OTPPolicy policy = realm.getOTPPolicy();
        return AppEnrollmentForm.setup(
                MethodRouting.form(context, OtpMethod.APP),
                TotpUtils.qrCode(context.getSession(), secret, realm, user),
                policy.getKeyURI(realm, user, secret),
                TotpUtils.encode(secret),
                policy.getDigits(),
                policy.getPeriod());
    }

    @Override
    public void close() {}
}
