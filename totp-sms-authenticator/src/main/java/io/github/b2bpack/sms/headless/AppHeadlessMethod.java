package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.authenticator.AppCodeCheck;
import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.enrollment.AppOtpEnrollment;
import io.github.b2bpack.sms.enrollment.MethodRouting;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import io.github.b2bpack.sms.method.OtpMethod;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.HmacOTP;

/**
 * Cryptr's {@code totp_mobile_app} method: the authenticator app, on the same credential and checks as the pages.
 * An enrollment answers the {@code otpauth://} {@code uri} of a fresh secret (kept meanwhile in Keycloak's
 * cluster-wide single-use store for {@link #PENDING_SECONDS}, as the page keeps it in the authentication session);
 * its validation stores Keycloak's {@code otp} credential through {@link AppOtpEnrollment}, as
 * {@code CONFIGURE_APP_OTP} does. Login codes go through {@link AppCodeCheck}: the 3 attempt slots per user and
 * OTP period that {@code app-otp-form} spends, and Keycloak's refusal of a used code. There is nothing to send.
 */
final class AppHeadlessMethod implements HeadlessTotpMethod {

    static final String ID = "totp_mobile_app";
    /** How long a started enrollment waits for its first code (the page's authentication session lasts as long). */
    static final int PENDING_SECONDS = 600;

    private static final String PENDING_SECRET = "secret";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String requiredAction() {
        return SmsProviderIds.CONFIGURE_APP_OTP;
    }

    @Override
    public boolean offeredIn(RealmModel realm) {
        return MethodRouting.methods(realm).offers(OtpMethod.APP);
    }

    /** Any stored {@code otp} credential, whoever created it, as {@code app-otp-form} checks. */
    @Override
    public boolean enrolled(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .findAny()
                .isPresent();
    }

    @Override
    public void remove(UserModel user) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    @Override
    public Response startEnrollment(
            HeadlessContext context, UserModel user, RequestParams params, Map<String, Object> body) {
        RealmModel realm = context.realm();
        String secret = HmacOTP.generateSecret(20);
        SingleUseObjectProvider store = context.session().singleUseObjects();
        store.remove(pendingKey(context, user));
        store.put(pendingKey(context, user), PENDING_SECONDS, Map.of(PENDING_SECRET, secret));
        body.put("uri", realm.getOTPPolicy().getKeyURI(realm, user, secret));
        return null;
    }

    @Override
    public boolean enrollmentPending(HeadlessContext context, UserModel user) {
        return context.session().singleUseObjects().contains(pendingKey(context, user));
    }

    @Override
    public CodeCheck.Outcome completeEnrollment(
            HeadlessContext context, UserModel user, String code, Map<String, Object> body) {
        Map<String, String> pending = context.session().singleUseObjects().get(pendingKey(context, user));
        String secret = pending == null ? null : pending.get(PENDING_SECRET);
        if (secret == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        OTPCredentialModel model = AppOtpEnrollment.firstCode(context.realm(), secret, code);
        if (model == null) {
            return CodeCheck.Outcome.WRONG;
        }
        // One winner: of two validations of the same enrollment only the one that removes the secret stores it.
        if (context.session().singleUseObjects().remove(pendingKey(context, user)) == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        AppOtpEnrollment.store(user, model, code);
        return CodeCheck.Outcome.VALID;
    }

    @Override
    public Response challenge(HeadlessContext context, UserModel user, Map<String, Object> body) {
        return null;
    }

    @Override
    public boolean claimAttempt(HeadlessContext context, UserModel user) {
        return AppCodeCheck.claim(context.session(), context.realm(), user);
    }

    @Override
    public CodeCheck.Outcome verify(HeadlessContext context, UserModel user, String code) {
        return AppCodeCheck.valid(user, code) ? CodeCheck.Outcome.VALID : CodeCheck.Outcome.WRONG;
    }

    @Override
    public void discardChallenge(HeadlessContext context, UserModel user) {}

    private static String pendingKey(HeadlessContext context, UserModel user) {
        return "b2bpack-headless:app-enroll:" + context.realm().getId() + ":" + user.getId();
    }
}
