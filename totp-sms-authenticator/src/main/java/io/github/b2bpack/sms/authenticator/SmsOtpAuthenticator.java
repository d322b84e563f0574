package io.github.b2bpack.sms.authenticator;

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
import io.github.b2bpack.sms.option.InvalidOptionException;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code sms-otp-form}: texts a code to the user's verified phone and checks it. A page reload never
 * sends another SMS (the pending code is found in the single-use store); a resend link obeys the
 * cooldown and caps; 3 wrong entries void the code; every wrong entry is a brute-force failure
 * (reference category {@code otp}). A recovery code can replace the SMS once per 24 h, after which
 * the user must enroll again ({@link RecoveryCodeLogin}).
 */
final class SmsOtpAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(SmsOtpAuthenticator.class);
    /** Stands for a stored sms-otp credential without a readable number: refused by every phone rule. */
    static final String UNREADABLE = "?";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return;
        }
        String phone = phone(context.getUser());
        if (phone == null) {
            context.attempted();
            return;
        }
        if (lockedOut(context)) {
            context.challenge(lockedForm(context, settings, phone));
            return;
        }
        SendResult sent = sender(context, settings).sendIfNone(phone, ip(context));
        reportSend(context, sent, phone);
        LoginFormsProvider form = SmsOtpForm.code(
                context.form(),
                PhoneNumbers.mask(phone),
                settings.policy().length(),
                RecoveryCodeLogin.available(context.getUser()));
        if (sent.status().messageKey() != null) {
            form.setError(sent.status().messageKey(), sent.waitSeconds());
        }
        context.challenge(form.createForm(SmsOtpForm.TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return;
        }
        UserModel user = context.getUser();
        String phone = phone(user);
        if (phone == null) {
            context.attempted();
            return;
        }
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String masked = PhoneNumbers.mask(phone);
        int length = settings.policy().length();
        if (params.containsKey("useRecovery")) {
            context.challenge(
                    SmsOtpForm.recovery(context.form(), masked, length).createForm(SmsOtpForm.TEMPLATE));
            return;
        }
        if (params.containsKey("useSms")) {
            context.challenge(SmsOtpForm.code(context.form(), masked, length, RecoveryCodeLogin.available(user))
                    .createForm(SmsOtpForm.TEMPLATE));
            return;
        }
        if (lockedOut(context)) {
            context.getEvent().user(user).error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(lockedForm(context, settings, phone));
            return;
        }
        if (params.containsKey(SmsOtpForm.RECOVERY_FIELD)) {
            RecoveryCodeLogin.attempt(
                    context, length, params.getFirst(SmsOtpForm.RECOVERY_FIELD), masked, verifier(context, settings));
            return;
        }
        if (params.containsKey("resend")) {
            SendResult sent = sender(context, settings).send(phone, ip(context));
            reportSend(context, sent, phone);
            LoginFormsProvider form =
                    SmsOtpForm.code(context.form(), masked, length, RecoveryCodeLogin.available(user));
            if (sent.delivered()) {
                form.setInfo("b2bpackSmsCodeResent", masked);
            } else {
                form.setError(sent.status().messageKey(), sent.waitSeconds());
            }
            context.challenge(form.createForm(SmsOtpForm.TEMPLATE));
            return;
        }

        CodeCheck.Outcome outcome = verifier(context, settings).verify(params.getFirst(SmsOtpForm.CODE_FIELD), phone);
        switch (outcome) {
            case VALID -> {
                SmsEvents.success(
                        context.getEvent().user(context.getUser()),
                        EventType.CUSTOM_REQUIRED_ACTION,
                        SmsEvents.CHALLENGE_SUCCEEDED,
                        "credential_type",
                        SmsOtpCredential.TYPE,
                        "phone",
                        masked);
                context.success();
            }
            case WRONG, VOIDED -> {
                String key = outcome == CodeCheck.Outcome.WRONG ? "b2bpackSmsCodeInvalid" : "b2bpackSmsCodeVoided";
                context.getEvent()
                        .user(user)
                        .detail(SmsEvents.DETAIL, SmsEvents.CHALLENGE_FAILED)
                        .detail("reason", outcome == CodeCheck.Outcome.WRONG ? "wrong_code" : "code_voided")
                        .error(Errors.INVALID_USER_CREDENTIALS);
                LoginFormsProvider form =
                        SmsOtpForm.code(context.form(), masked, length, RecoveryCodeLogin.available(user));
                SmsOtpForm.fieldError(form, SmsOtpForm.CODE_FIELD, key);
                context.failureChallenge(
                        AuthenticationFlowError.INVALID_CREDENTIALS, form.createForm(SmsOtpForm.TEMPLATE));
            }
            case EXPIRED, NO_CODE -> {
                String key = outcome == CodeCheck.Outcome.EXPIRED ? "b2bpackSmsCodeExpired" : "b2bpackSmsNoCode";
                SmsEvents.error(
                        context.getEvent().user(context.getUser()),
                        EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                        SmsEvents.CHALLENGE_FAILED,
                        outcome == CodeCheck.Outcome.EXPIRED ? Errors.EXPIRED_CODE : Errors.INVALID_CODE,
                        "reason",
                        outcome == CodeCheck.Outcome.EXPIRED ? "code_expired" : "no_code");
                LoginFormsProvider form =
                        SmsOtpForm.code(context.form(), masked, length, RecoveryCodeLogin.available(user));
                SmsOtpForm.fieldError(form, SmsOtpForm.CODE_FIELD, key);
                context.challenge(form.createForm(SmsOtpForm.TEMPLATE));
            }
        }
    }

    private static boolean lockedOut(AuthenticationFlowContext context) {
        return LockCheck.lockedOut(context);
    }

    private static Response lockedForm(AuthenticationFlowContext context, SmsOtpSettings settings, String phone) {
        LoginFormsProvider form = SmsOtpForm.code(
                context.form(), PhoneNumbers.mask(phone), settings.policy().length(), false);
        form.setError("b2bpackSmsTemporarilyLocked");
        return form.createForm(SmsOtpForm.TEMPLATE);
    }

    private static void reportSend(AuthenticationFlowContext context, SendResult sent, String phone) {
        if (sent.status() == SendStatus.SENT) {
            SmsEvents.success(
                    context.getEvent().user(context.getUser()),
                    EventType.CUSTOM_REQUIRED_ACTION,
                    SmsEvents.CODE_SENT,
                    "purpose",
                    "login",
                    "phone",
                    PhoneNumbers.mask(phone));
        } else if (sent.status() != SendStatus.ALREADY_PENDING) {
            SmsEvents.error(
                    context.getEvent().user(context.getUser()),
                    EventType.CUSTOM_REQUIRED_ACTION_ERROR,
                    SmsEvents.CODE_NOT_SENT,
                    sent.status().name().toLowerCase(),
                    "purpose",
                    "login",
                    "phone",
                    PhoneNumbers.mask(phone));
        }
    }

    /** Null (after answering the request) when the configuration is invalid. */
    private static SmsOtpSettings settings(AuthenticationFlowContext context) {
        try {
            // An execution without a configuration of its own (e.g. the SMS step of a reset-credentials
            // flow) uses the realm's SMS settings, so one configuration serves every flow.
            return SmsOtpSettings.from(
                    context.getAuthenticatorConfig() == null
                            ? SettingsLocator.rawConfig(context.getRealm())
                            : context.getAuthenticatorConfig().getConfig());
        } catch (InvalidOptionException e) {
            LOG.warnf(
                    "realm %s: invalid sms-otp-form configuration: %s",
                    context.getRealm().getName(), e.getMessage());
            context.failure(
                    AuthenticationFlowError.INTERNAL_ERROR,
                    context.form()
                            .setError("b2bpackSmsNotConfigured")
                            .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            return null;
        }
    }

    private static CodeSender sender(AuthenticationFlowContext context, SmsOtpSettings settings) {
        return new CodeSender(context.getSession(), context.getRealm(), context.getUser(), Purpose.LOGIN, settings);
    }

    private static CodeVerifier verifier(AuthenticationFlowContext context, SmsOtpSettings settings) {
        return new CodeVerifier(context.getSession(), context.getRealm(), context.getUser(), Purpose.LOGIN, settings);
    }

    private static String ip(AuthenticationFlowContext context) {
        return context.getConnection() == null ? null : context.getConnection().getRemoteAddr();
    }

    /**
     * The user's number; null only when the user has no sms-otp credential at all. A credential whose
     * number cannot be read (e.g. imported with another field name) yields {@link #UNREADABLE}, which
     * fails the phone rules at every send: the step stays in the way (fail closed, like the password
     * grant's refusal) instead of counting the user as "not configured" and letting the password alone in.
     */
    static String phone(UserModel user) {
        List<String> phones = user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpCredential.TYPE)
                .map(c -> {
                    String p = SmsOtpCredential.phone(c);
                    return p == null || p.isBlank() ? UNREADABLE : p;
                })
                .toList();
        return phones.stream()
                .filter(p -> !UNREADABLE.equals(p))
                .findFirst()
                .orElse(phones.isEmpty() ? null : UNREADABLE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return phone(user) != null;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        user.addRequiredAction(SmsProviderIds.CONFIGURE_SMS_OTP);
    }

    @Override
    public void close() {}
}
