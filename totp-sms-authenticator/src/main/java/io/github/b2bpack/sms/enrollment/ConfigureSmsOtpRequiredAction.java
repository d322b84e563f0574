package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.challenge.CodeSender;
import io.github.b2bpack.sms.challenge.CodeVerifier;
import io.github.b2bpack.sms.challenge.Purpose;
import io.github.b2bpack.sms.challenge.SendResult;
import io.github.b2bpack.sms.challenge.SendStatus;
import io.github.b2bpack.sms.challenge.SettingsLocator;
import io.github.b2bpack.sms.challenge.SmsOtpSettings;
import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.credential.SmsOtpCredential;
import io.github.b2bpack.sms.event.SmsEvents;
import io.github.b2bpack.sms.method.OtpMethod;
import io.github.b2bpack.sms.option.InvalidOptionException;
import io.github.b2bpack.sms.phone.PhoneCheck;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code CONFIGURE_SMS_OTP}: the user types a number, libphonenumber normalises it to E.164, a code
 * is texted to it, and only a correct code stores the {@code sms-otp} credential (replacing any
 * previous number) together with 5 fresh recovery codes, shown once. Self enrollments are capped;
 * beyond the cap only an admin force-enroll resets the count. Runs after the login flow, so changing
 * a number always follows a login with the current second factor.
 */
final class ConfigureSmsOtpRequiredAction implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(ConfigureSmsOtpRequiredAction.class);

    static final String NOTE_PHONE = "b2bpack.sms.enroll.phone";
    static final String NOTE_DONE = "b2bpack.sms.enroll.done";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    /** Moves a pending SMS enrollment to the app when the realm offers only the app ({@link MethodRouting}). */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        MethodRouting.route(context, OtpMethod.SMS);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return;
        }
        if (!RecoveryRules.selfEnrollmentAllowed(EnrollmentState.enrollments(context.getUser()))) {
            context.challenge(capReached(context));
            return;
        }
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        auth.removeAuthNote(NOTE_PHONE);
        auth.removeAuthNote(NOTE_DONE);
        context.challenge(
                EnrollmentForm.phone(MethodRouting.form(context, OtpMethod.SMS)).createForm(EnrollmentForm.TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return;
        }
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey("acknowledge") && "true".equals(auth.getAuthNote(NOTE_DONE))) {
            auth.removeAuthNote(NOTE_DONE);
            context.success();
            return;
        }
        if (MethodRouting.switchRequested(context, OtpMethod.SMS)) {
            return;
        }
        if (!RecoveryRules.selfEnrollmentAllowed(EnrollmentState.enrollments(context.getUser()))) {
            context.challenge(capReached(context));
            return;
        }
        String phone = auth.getAuthNote(NOTE_PHONE);
        CodeSender sender =
                new CodeSender(context.getSession(), context.getRealm(), context.getUser(), Purpose.ENROLL, settings);

        if (params.containsKey("changeNumber") || (phone == null && !params.containsKey("phone"))) {
            auth.removeAuthNote(NOTE_PHONE);
            context.challenge(EnrollmentForm.phone(MethodRouting.form(context, OtpMethod.SMS))
                    .createForm(EnrollmentForm.TEMPLATE));
            return;
        }
        if (params.containsKey("phone")) {
            PhoneCheck check = PhoneNumbers.check(
                    params.getFirst("phone"),
                    settings.defaultRegion(),
                    settings.allowedRegions(),
                    settings.allowVoip());
            if (!check.ok()) {
                SmsEvents.error(
                        context.getEvent(),
                        EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                        SmsEvents.CODE_NOT_SENT,
                        "invalid_phone",
                        "purpose",
                        "enroll",
                        "reason",
                        check.errorKey());
                LoginFormsProvider form = EnrollmentForm.phone(MethodRouting.form(context, OtpMethod.SMS));
                EnrollmentForm.fieldError(form, "phone", check.errorKey());
                context.challenge(form.createForm(EnrollmentForm.TEMPLATE));
                return;
            }
            auth.setAuthNote(NOTE_PHONE, check.e164());
            SendResult sent = sender.sendIfNone(check.e164(), ip(context));
            context.challenge(afterSend(context, sent, check.e164()).createForm(EnrollmentForm.TEMPLATE));
            return;
        }
        if (params.containsKey("resend")) {
            SendResult sent = sender.send(phone, ip(context));
            LoginFormsProvider form = afterSend(context, sent, phone);
            if (sent.delivered()) {
                form.setInfo("b2bpackSmsCodeResent", PhoneNumbers.mask(phone));
            }
            context.challenge(form.createForm(EnrollmentForm.TEMPLATE));
            return;
        }

        CodeCheck.Outcome outcome = new CodeVerifier(
                        context.getSession(), context.getRealm(), context.getUser(), Purpose.ENROLL, settings)
                .verify(params.getFirst("code"), phone);
        if (outcome != CodeCheck.Outcome.VALID) {
            String key = switch (outcome) {
                case WRONG -> "b2bpackSmsCodeInvalid";
                case VOIDED -> "b2bpackSmsCodeVoided";
                case EXPIRED -> "b2bpackSmsCodeExpired";
                default -> "b2bpackSmsNoCode";
            };
            SmsEvents.error(
                    context.getEvent(),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.CHALLENGE_FAILED,
                    "invalid_code",
                    "purpose",
                    "enroll",
                    "reason",
                    outcome.name().toLowerCase());
            LoginFormsProvider form = EnrollmentForm.code(context.form(), phone);
            EnrollmentForm.fieldError(form, "code", key);
            context.challenge(form.createForm(EnrollmentForm.TEMPLATE));
            return;
        }
        List<String> recoveryCodes = enroll(context, phone);
        auth.removeAuthNote(NOTE_PHONE);
        auth.setAuthNote(NOTE_DONE, "true");
        context.challenge(EnrollmentForm.recoveryCodes(context.form(), recoveryCodes, phone)
                .createForm(EnrollmentForm.CODES_TEMPLATE));
    }

    /** Replaces the phone and recovery codes, counts the enrollment and reports it. */
    private List<String> enroll(RequiredActionContext context, String phone) {
        UserModel user = context.getUser();
        long now = Time.currentTimeMillis();
        SmsOtpCredential.replace(user, phone, now);
        List<String> codes = RecoveryCodes.issue(user);
        EnrollmentState.recordEnrollment(user);
        user.removeRequiredAction(SmsProviderIds.CONFIGURE_SMS_OTP);
        SmsEvents.success(
                context.getEvent(),
                EventType.UPDATE_CREDENTIAL,
                SmsEvents.ENROLLED,
                "credential_type",
                SmsOtpCredential.TYPE,
                "phone",
                PhoneNumbers.mask(phone),
                "enrollments",
                Integer.toString(EnrollmentState.enrollments(user)));
        return codes;
    }

    private LoginFormsProvider afterSend(RequiredActionContext context, SendResult sent, String phone) {
        if (sent.status().messageKey() == null) {
            if (sent.delivered()) {
                SmsEvents.success(
                        context.getEvent(),
                        EventType.CUSTOM_REQUIRED_ACTION,
                        SmsEvents.CODE_SENT,
                        "purpose",
                        "enroll",
                        "phone",
                        PhoneNumbers.mask(phone));
            }
            return EnrollmentForm.code(context.form(), phone);
        }
        SmsEvents.error(
                context.getEvent(),
                EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                SmsEvents.CODE_NOT_SENT,
                sent.status().name().toLowerCase(),
                "purpose",
                "enroll",
                "phone",
                PhoneNumbers.mask(phone));
        // Cooldown with a code already on its way: stay on the code step; otherwise back to the number.
        LoginFormsProvider form = sent.status() == SendStatus.COOLDOWN
                ? EnrollmentForm.code(context.form(), phone)
                : EnrollmentForm.phone(MethodRouting.form(context, OtpMethod.SMS));
        form.setError(sent.status().messageKey(), sent.waitSeconds());
        return form;
    }

    private static Response capReached(RequiredActionContext context) {
        SmsEvents.error(
                context.getEvent(),
                EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                SmsEvents.ENROLLED,
                "enrollment_limit_reached");
        return context.form().setError("b2bpackSmsReenrollLimit").createErrorPage(Response.Status.FORBIDDEN);
    }

    private static SmsOtpSettings settings(RequiredActionContext context) {
        try {
            return SmsOtpSettings.from(SettingsLocator.rawConfig(context.getRealm()));
        } catch (InvalidOptionException e) {
            LOG.warnf(
                    "realm %s: invalid sms-otp-form configuration: %s",
                    context.getRealm().getName(), e.getMessage());
            context.challenge(context.form()
                    .setError("b2bpackSmsNotConfigured")
                    .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            return null;
        }
    }

    private static String ip(RequiredActionContext context) {
        return context.getConnection() == null ? null : context.getConnection().getRemoteAddr();
    }

    @Override
    public void close() {}
}
