package io.github.b2bpack.sms.headless;

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
import io.github.b2bpack.sms.enrollment.MethodRouting;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import io.github.b2bpack.sms.method.OtpMethod;
import io.github.b2bpack.sms.option.InvalidOptionException;
import io.github.b2bpack.sms.phone.PhoneCheck;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * The SMS method: the same {@link CodeSender} and {@link CodeVerifier} as the login and enrollment pages, keyed by
 * realm, user and purpose, so the headless API and the pages share one pending code, one set of attempt slots,
 * one cooldown and the same send budgets. The code is texted by the realm's gateway and never returned to the
 * caller ({@code first_verification_code} and {@code code} stay null): an application that got the code could
 * pass the second factor without the user.
 */
final class SmsHeadlessMethod implements HeadlessTotpMethod {

    static final String ID = "sms";
    private static final String PENDING_PHONE = "phone";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String requiredAction() {
        return SmsProviderIds.CONFIGURE_SMS_OTP;
    }

    @Override
    public boolean offeredIn(RealmModel realm) {
        return MethodRouting.methods(realm).offers(OtpMethod.SMS);
    }

    @Override
    public boolean enrolled(UserModel user) {
        return phone(user) != null;
    }

    @Override
    public void remove(UserModel user) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpCredential.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    @Override
    public Response startEnrollment(
            HeadlessContext context, UserModel user, RequestParams params, Map<String, Object> body) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return notConfigured();
        }
        String typed = params.text("phone_number").orElse(null);
        if (typed == null) {
            return Replies.badRequest("phone_number is required for the sms method");
        }
        PhoneCheck check =
                PhoneNumbers.check(typed, settings.defaultRegion(), settings.allowedRegions(), settings.allowVoip());
        if (!check.ok()) {
            return Replies.error(422, "invalid_phone_number", check.errorKey());
        }
        SendResult sent = new CodeSender(context.session(), context.realm(), user, Purpose.ENROLL, settings)
                .sendIfNone(check.e164(), context.ip());
        Response refused = refusal(sent);
        if (refused != null) {
            return refused;
        }
        SingleUseObjectProvider store = context.session().singleUseObjects();
        store.remove(pendingKey(context, user));
        store.put(pendingKey(context, user), settings.policy().ttl().toSeconds(), Map.of(PENDING_PHONE, check.e164()));
        body.put("phone_number", PhoneNumbers.mask(check.e164()));
        body.put("sent_at", Replies.time(Time.currentTimeMillis()));
        return null;
    }

    @Override
    public boolean enrollmentPending(HeadlessContext context, UserModel user) {
        return context.session().singleUseObjects().contains(pendingKey(context, user));
    }

    @Override
    public CodeCheck.Outcome completeEnrollment(
            HeadlessContext context, UserModel user, String code, Map<String, Object> body) {
        SmsOtpSettings settings = settings(context);
        Map<String, String> pending = context.session().singleUseObjects().get(pendingKey(context, user));
        if (settings == null || pending == null || pending.get(PENDING_PHONE) == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        String phone = pending.get(PENDING_PHONE);
        CodeCheck.Outcome outcome = new CodeVerifier(context.session(), context.realm(), user, Purpose.ENROLL, settings)
                .verify(code, phone);
        if (outcome == CodeCheck.Outcome.VALID) {
            context.session().singleUseObjects().remove(pendingKey(context, user));
            SmsOtpCredential.replace(user, phone, Time.currentTimeMillis());
            body.put("phone_number", PhoneNumbers.mask(phone));
        }
        return outcome;
    }

    @Override
    public Response challenge(HeadlessContext context, UserModel user, Map<String, Object> body) {
        SmsOtpSettings settings = settings(context);
        if (settings == null) {
            return notConfigured();
        }
        String phone = phone(user);
        SendResult sent = new CodeSender(context.session(), context.realm(), user, Purpose.LOGIN, settings)
                .send(phone, context.ip());
        Response refused = refusal(sent);
        if (refused != null) {
            return refused;
        }
        body.put("phone_number", PhoneNumbers.mask(phone));
        body.put("sent_at", Replies.time(Time.currentTimeMillis()));
        return null;
    }

    @Override
    public CodeCheck.Outcome verify(HeadlessContext context, UserModel user, String code) {
        SmsOtpSettings settings = settings(context);
        String phone = phone(user);
        if (settings == null || phone == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        return new CodeVerifier(context.session(), context.realm(), user, Purpose.LOGIN, settings).verify(code, phone);
    }

    @Override
    public void discardChallenge(HeadlessContext context, UserModel user) {
        SmsOtpSettings settings = settings(context);
        if (settings != null) {
            new CodeVerifier(context.session(), context.realm(), user, Purpose.LOGIN, settings).discard();
        }
    }

    /** The stored number (the first readable one), or null. */
    static String phone(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpCredential.TYPE)
                .map(SmsOtpCredential::phone)
                .filter(p -> p != null && !p.isBlank())
                .findFirst()
                .orElse(null);
    }

    /** The answer for a send that did not happen, or null when the code is on its way (or already pending). */
    private static Response refusal(SendResult sent) {
        SendStatus status = sent.status();
        return switch (status) {
            case SENT, ALREADY_PENDING -> null;
            case COOLDOWN -> Replies.error(429, "resend_too_soon", status.messageKey(), sent.waitSeconds());
            case USER_CAP, IP_CAP, NUMBER_CAP, REALM_CAP, SERVER_CAP ->
                Replies.error(429, "too_many_sms", status.name().toLowerCase(), 3600);
            case NO_SENDER -> notConfigured();
            case DELIVERY_FAILED -> Replies.error(502, "sms_not_delivered", status.messageKey());
            default -> Replies.error(422, "invalid_phone_number", status.messageKey());
        };
    }

    private static Response notConfigured() {
        return Replies.error(
                503, "sms_not_configured", "the realm has no usable SMS sender (sms-otp-form configuration)");
    }

    private static SmsOtpSettings settings(HeadlessContext context) {
        try {
            return SmsOtpSettings.from(SettingsLocator.rawConfig(context.realm()));
        } catch (InvalidOptionException e) {
            return null;
        }
    }

    private static String pendingKey(HeadlessContext context, UserModel user) {
        return "b2bpack-headless:sms-enroll:" + context.realm().getId() + ":" + user.getId();
    }
}
