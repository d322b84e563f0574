package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.enrollment.EnrollmentState;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import io.github.b2bpack.sms.recovery.RecoveryRules;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Cryptr's headless TOTP: enrollment ({@code force_enroll}), enrollment validation (recovery codes shown once),
 * challenge and challenge validation ({@code success}, {@code recovery_code_used}). The rules are the pages':
 * the self re-enrollment cap, a second factor changed only through force_enroll or after a recovery login,
 * lockouts checked before any code, every wrong login code a brute-force failure of category {@code otp}, one
 * recovery login per 24 h. A validated challenge yields an authorization code only after a password challenge of
 * the same user and client ({@link FirstFactor}).
 */
final class TotpHeadless {

    /**
     * The methods served. Without a {@code method} field an enrollment takes SMS when it names a phone number,
     * else the first the realm offers (the app first: Cryptr's default), and a challenge the first the user holds.
     */
    static final List<HeadlessTotpMethod> METHODS = List.of(new AppHeadlessMethod(), new SmsHeadlessMethod());

    private final HeadlessContext context;

    TotpHeadless(HeadlessContext context) {
        this.context = context;
    }

    /**
     * Second factors this API cannot check (WebAuthn): a user holding one never gets a code from the password
     * alone here (fail closed), as the template's conditional steps would ask for it on the pages.
     */
    static final Set<String> OTHER_SECOND_FACTORS = Set.of("webauthn");

    /** Whether the user has any second factor the pages would ask for. */
    static boolean hasSecondFactor(UserModel user) {
        return METHODS.stream().anyMatch(m -> m.enrolled(user))
                || user.credentialManager()
                        .getStoredCredentialsStream()
                        .anyMatch(c -> OTHER_SECOND_FACTORS.contains(c.getType()));
    }

    Response enroll(String userId, RequestParams params) {
        HeadlessTotpMethod method = method(params);
        if (method == null || !method.offeredIn(context.realm())) {
            return unknownMethod();
        }
        boolean force = params.flag("force_enroll", false);
        UserModel user = context.userById(userId);
        if (user == null) {
            return userNotFound();
        }
        if (force) {
            METHODS.forEach(m -> m.remove(user));
            RecoveryCodes.remove(user);
            EnrollmentState.resetEnrollments(user);
            user.addRequiredAction(method.requiredAction());
            event(user, EventType.UPDATE_CREDENTIAL, "headless.totp_force_enrolled")
                    .success();
        } else {
            boolean reenrollDue = user.getRequiredActionsStream().anyMatch(method.requiredAction()::equals);
            if (hasSecondFactor(user) && !reenrollDue) {
                return Replies.error(
                        409,
                        "already_enrolled",
                        "the user has a second factor; changing it takes force_enroll=true (an admin's reset)");
            }
            if (!RecoveryRules.selfEnrollmentAllowed(EnrollmentState.enrollments(user))) {
                return Replies.error(
                        403, "enrollment_limit_reached", "self re-enrollment limit reached; use force_enroll=true");
            }
        }
        Map<String, Object> body = enrollment(user, method);
        body.put("enrolled_totp_at", Replies.time(Time.currentTimeMillis()));
        Response refused = method.startEnrollment(context, user, params, body);
        return refused != null ? refused : Replies.json(201, body);
    }

    Response validateEnrollment(String userId, RequestParams params) {
        String code = params.text("code").orElseThrow(() -> new IllegalArgumentException("code is required"));
        UserModel user = context.userById(userId);
        HeadlessTotpMethod method = params.text("method").isPresent() || user == null
                ? method(params)
                : METHODS.stream()
                        .filter(m -> m.enrollmentPending(context, user))
                        .findFirst()
                        .orElseGet(() -> method(params));
        if (method == null) {
            return unknownMethod();
        }
        if (user == null) {
            return userNotFound();
        }
        Map<String, Object> body = enrollment(user, method);
        CodeCheck.Outcome outcome = method.completeEnrollment(context, user, code, body);
        if (outcome != CodeCheck.Outcome.VALID) {
            event(user, EventType.UPDATE_CREDENTIAL_ERROR, "headless.totp_enrollment_failed")
                    .detail("reason", outcome.name().toLowerCase())
                    .error(Errors.INVALID_CODE);
            return codeRefused(outcome);
        }
        List<String> codes = RecoveryCodes.issue(user);
        EnrollmentState.recordEnrollment(user);
        user.removeRequiredAction(method.requiredAction());
        event(user, EventType.UPDATE_CREDENTIAL, "headless.totp_enrolled")
                .detail("method", method.id())
                .success();
        body.put("enrollment_totp_nb", EnrollmentState.enrollments(user));
        body.put("recovery_codes", String.join("\n", codes));
        body.put("validated_enrollment_at", Replies.time(Time.currentTimeMillis()));
        return Replies.json(200, body);
    }

    Response challenge(String userId, RequestParams params) {
        UserModel user = context.userById(userId);
        HeadlessTotpMethod method = user == null ? null : enrolledMethod(user, params);
        if (method == null) {
            return notEnrolled();
        }
        if (context.lockedOut(user)) {
            return locked();
        }
        Map<String, Object> body = challengeBody(false, false, null);
        Response refused = method.challenge(context, user, body);
        if (refused != null) {
            return refused;
        }
        event(user, EventType.CUSTOM_REQUIRED_ACTION, "headless.totp_challenge_sent")
                .detail("method", method.id())
                .success();
        return Replies.json(201, body);
    }

    Response validateChallenge(String userId, RequestParams params) {
        String code = params.text("code").orElseThrow(() -> new IllegalArgumentException("code is required"));
        UserModel user = context.userById(userId);
        HeadlessTotpMethod method = user == null ? null : enrolledMethod(user, params);
        if (method == null) {
            return notEnrolled();
        }
        if (context.lockedOut(user)) {
            event(user, EventType.LOGIN_ERROR, "headless.totp_challenge_failed")
                    .error(Errors.USER_TEMPORARILY_DISABLED);
            return locked();
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            return recovery(user, method, code);
        }
        if (!method.claimAttempt(context, user)) {
            // Not compared, so not a guess: not a brute-force failure either (as app-otp-form).
            event(user, EventType.LOGIN_ERROR, "headless.totp_challenge_failed")
                    .detail("reason", "too_many_attempts")
                    .error(Errors.INVALID_CODE);
            return Replies.error(
                    429,
                    "too_many_attempts",
                    "too many codes tried for this period: wait for the next code",
                    context.realm().getOTPPolicy().getPeriod());
        }
        CodeCheck.Outcome outcome = method.verify(context, user, code);
        switch (outcome) {
            case VALID -> {
                return passed(user, false);
            }
            case WRONG, VOIDED -> {
                context.failed(user, "otp");
                event(user, EventType.LOGIN_ERROR, "headless.totp_challenge_failed")
                        .detail("reason", outcome.name().toLowerCase())
                        .error(Errors.INVALID_USER_CREDENTIALS);
                return codeRefused(outcome);
            }
            default -> {
                event(user, EventType.LOGIN_ERROR, "headless.totp_challenge_failed")
                        .detail("reason", outcome.name().toLowerCase())
                        .error(Errors.INVALID_CODE);
                return codeRefused(outcome);
            }
        }
    }

    private Response recovery(UserModel user, HeadlessTotpMethod method, String code) {
        switch (RecoveryCodes.use(context, user, code, method.requiredAction())) {
            case USED -> {
                method.discardChallenge(context, user);
                event(user, EventType.UPDATE_CREDENTIAL, "headless.recovery_code_used")
                        .success();
                return passed(user, true);
            }
            case WRONG -> {
                context.failed(user, "otp");
                event(user, EventType.LOGIN_ERROR, "headless.totp_challenge_failed")
                        .detail("reason", "wrong_recovery_code")
                        .error(Errors.INVALID_USER_CREDENTIALS);
                return Replies.error(401, "wrong_recovery_code", "the recovery code is not valid");
            }
            default -> {
                return Replies.error(429, "recovery_limit_reached", "one recovery login per 24 hours");
            }
        }
    }

    private Response passed(UserModel user, boolean recoveryUsed) {
        context.succeeded(user, "otp");
        String code = FirstFactor.claim(context, user) ? context.mintCode(user, "headless.totp_login") : null;
        if (code != null) {
            context.succeeded(user, "password");
        }
        event(user, EventType.CUSTOM_REQUIRED_ACTION, "headless.totp_challenge_succeeded")
                .detail("recovery_code_used", Boolean.toString(recoveryUsed))
                .success();
        Map<String, Object> body = challengeBody(true, recoveryUsed, code);
        body.put("challenged_at", Replies.time(Time.currentTimeMillis()));
        return Replies.json(200, body);
    }

    /**
     * The method named in the request; else SMS when a {@code phone_number} is given (callers written before the
     * app method name none), else the first the realm offers.
     */
    private HeadlessTotpMethod method(RequestParams params) {
        String id = params.text("method").orElse(params.text("phone_number").isPresent() ? SmsHeadlessMethod.ID : null);
        if (id == null) {
            return METHODS.stream()
                    .filter(m -> m.offeredIn(context.realm()))
                    .findFirst()
                    .orElse(null);
        }
        return METHODS.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /** The method named in the request, else the user's first enrolled one; null when none is enrolled. */
    private HeadlessTotpMethod enrolledMethod(UserModel user, RequestParams params) {
        if (params.text("method").isPresent()) {
            HeadlessTotpMethod named = method(params);
            return named != null && named.enrolled(user) ? named : null;
        }
        return METHODS.stream().filter(m -> m.enrolled(user)).findFirst().orElse(null);
    }

    private Map<String, Object> enrollment(UserModel user, HeadlessTotpMethod method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__domain__", context.org().domain());
        body.put("__environment__", context.org().environment());
        body.put("__type__", "TotpEnrollment");
        body.put("email", user.getEmail());
        body.put("method", method.id());
        body.put("enrolled_totp_at", null);
        body.put("enrollment_totp_nb", EnrollmentState.enrollments(user));
        body.put("first_verification_code", null);
        body.put("last_recovery_acknowledgement_at", null);
        Long lastRecovery = EnrollmentState.lastRecoveryAt(user);
        body.put("last_recovery_code_at", lastRecovery == null ? null : Replies.time(lastRecovery));
        body.put("recovery_codes", null);
        body.put("uri", null);
        body.put("validated_enrollment_at", null);
        return body;
    }

    private static Map<String, Object> challengeBody(boolean success, boolean recoveryUsed, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type__", "TotpChallenge");
        body.put("challenged_at", null);
        body.put("code", code);
        body.put("recovery_code_used", recoveryUsed);
        body.put("request_id", "totp-challenge_" + UUID.randomUUID().toString().replace("-", ""));
        body.put("sent_at", null);
        body.put("success", success);
        return body;
    }

    private static Response codeRefused(CodeCheck.Outcome outcome) {
        return switch (outcome) {
            case WRONG -> Replies.error(401, "wrong_code", "the code is not valid");
            case VOIDED -> Replies.error(401, "code_voided", "too many wrong codes: request a new challenge");
            case EXPIRED -> Replies.error(401, "code_expired", "the code has expired: request a new challenge");
            default -> Replies.error(401, "no_code", "no code is pending: request a challenge first");
        };
    }

    private Response unknownMethod() {
        return Replies.error(
                422,
                "method_not_available",
                "method must be one of the organization's "
                        + METHODS.stream()
                                .filter(m -> m.offeredIn(context.realm()))
                                .map(HeadlessTotpMethod::id)
                                .toList());
    }

    private static Response userNotFound() {
        return Replies.error(404, "user_not_found", "no such user in this organization");
    }

    /** Unknown user and user without a second factor get the same answer. */
    private static Response notEnrolled() {
        return Replies.error(404, "not_enrolled", "no such user with a TOTP method in this organization");
    }

    private static Response locked() {
        return Replies.error(403, "user_temporarily_disabled", "too many failures: the account is locked for now");
    }

    private org.keycloak.events.EventBuilder event(UserModel user, EventType type, String action) {
        return context.event(type, action).user(user);
    }
}
