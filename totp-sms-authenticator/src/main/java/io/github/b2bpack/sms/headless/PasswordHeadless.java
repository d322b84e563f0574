package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.headless.secret.RequestParams;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Cryptr's headless passwords: {@code password-challenge} (the password checked with Keycloak's own credential
 * manager, the realm's brute-force protection, an expired password answered with a {@code renew_password} code),
 * {@code password-request} (a {@code password_code} the application sends to the user) and {@code renew-password}
 * (the realm's password policy enforced by Keycloak when the credential is written). An unknown address, a disabled
 * or locked account and a wrong password get the same answer, after the same password hashing.
 */
final class PasswordHeadless {

    private final HeadlessContext context;
    private final int codeTtl;
    private final PasswordCodes codes;

    PasswordHeadless(HeadlessContext context, int codeTtl) {
        this.context = context;
        this.codeTtl = codeTtl;
        this.codes = new PasswordCodes(
                context.session().singleUseObjects(), context.realm().getId());
    }

    Response challenge(RequestParams params) {
        String email =
                params.text("user_email").orElseThrow(() -> new IllegalArgumentException("user_email is required"));
        String password =
                params.raw("plain_text").orElseThrow(() -> new IllegalArgumentException("plain_text is required"));
        UserModel user = userByEmail(email);
        if (user == null || !user.isEnabled() || context.lockedOut(user)) {
            burnHash(password);
            event(user, EventType.LOGIN_ERROR, "headless.password_challenge_failed")
                    .detail("reason", user == null ? "user_not_found" : "user_disabled_or_locked")
                    .error(user == null ? Errors.USER_NOT_FOUND : Errors.USER_DISABLED);
            return invalidCredentials();
        }
        if (!user.credentialManager().isValid(UserCredentialModel.password(password))) {
            context.failed(user, "password");
            event(user, EventType.LOGIN_ERROR, "headless.password_challenge_failed")
                    .detail("reason", "wrong_password")
                    .error(Errors.INVALID_USER_CREDENTIALS);
            return invalidCredentials();
        }
        Map<String, Object> body = challengeBody(user);
        if (expired(user)) {
            PasswordCodes.Issued renew = codes.issue(user == null ? null : user.getId(), codeTtl);
            Map<String, Object> renewal = new LinkedHashMap<>();
            renewal.put("__type__", "PasswordRenewal");
            renewal.put("password_code", renew.code());
            renewal.put("expired_at", Replies.time(renew.expiresAt()));
            body.put("valid?", false);
            body.put("error", "password_expired");
            body.put("renew_password", renewal);
            event(user, EventType.LOGIN_ERROR, "headless.password_challenge_failed")
                    .detail("reason", "password_expired")
                    .error(Errors.INVALID_USER_CREDENTIALS);
            return Replies.json(201, body);
        }
        body.put("code", afterFirstFactor(user, body, "headless.password_login"));
        event(user, EventType.CUSTOM_REQUIRED_ACTION, "headless.password_challenge_succeeded")
                .success();
        return Replies.json(201, body);
    }

    Response request(RequestParams params) {
        String email =
                params.text("user_email").orElseThrow(() -> new IllegalArgumentException("user_email is required"));
        UserModel user = userByEmail(email);
        if (user != null && !user.isEnabled()) {
            user = null;
        }
        // An unknown address gets the same answer with a code that is stored nowhere: no enumeration by status.
        PasswordCodes.Issued issued = codes.issue(user == null ? null : user.getId(), codeTtl);
        if (user != null) {
            event(user, EventType.SEND_RESET_PASSWORD, "headless.password_requested")
                    .success();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__domain__", context.org().domain());
        body.put("__environment__", context.org().environment());
        body.put("__type__", "PasswordRequest");
        body.put("expired_at", Replies.time(issued.expiresAt()));
        body.put("password_code", issued.code());
        body.put("request_id", UUID.randomUUID().toString());
        // Not the user's id: the answer must be the same for every address (the backend knows the address it sent).
        body.put("user_id", null);
        return Replies.json(201, body);
    }

    Response renew(RequestParams params) {
        String email =
                params.text("user_email").orElseThrow(() -> new IllegalArgumentException("user_email is required"));
        String code = params.text("password_code")
                .orElseThrow(() -> new IllegalArgumentException(
                        "password_code is required (from password-request or an expired password-challenge)"));
        String password =
                params.raw("plain_text").orElseThrow(() -> new IllegalArgumentException("plain_text is required"));
        UserModel user = userByEmail(email);
        PasswordCodes.Claim claim = user == null || !user.isEnabled() ? null : codes.claim(code, user.getId());
        if (claim == null) {
            event(user, EventType.UPDATE_PASSWORD_ERROR, "headless.password_renew_failed")
                    .detail("reason", "invalid_password_code")
                    .error(Errors.INVALID_CODE);
            return Replies.error(
                    401, "invalid_password_code", "the password code is unknown, used, expired or for another user");
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            claim.giveBack();
            event(user, EventType.UPDATE_PASSWORD_ERROR, "headless.password_renew_failed")
                    .detail("reason", "password_policy")
                    .error(Errors.PASSWORD_REJECTED);
            // The message is the policy's message key (e.g. invalidPasswordMinLengthMessage), never the password.
            return Replies.error(422, "invalid_password", e.getMessage());
        }
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        event(user, EventType.UPDATE_PASSWORD, "headless.password_renewed").success();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__domain__", context.org().domain());
        body.put("__environment__", context.org().environment());
        body.put("__type__", "Password");
        body.put("code", afterFirstFactor(user, body, "headless.password_renew_login"));
        body.put("id", passwordId(user));
        body.put("user_id", user.getId());
        return Replies.json(201, body);
    }

    /**
     * The authorization code for a user who has passed the password, or null with {@code totp_required} when the user
     * has a second factor: the TOTP validation that follows mints it ({@link FirstFactor}).
     */
    private String afterFirstFactor(UserModel user, Map<String, Object> body, String action) {
        if (TotpHeadless.hasSecondFactor(user)) {
            FirstFactor.mark(context, user);
            body.put("totp_required", true);
            return null;
        }
        body.put("totp_required", false);
        context.succeeded(user, "password");
        return context.mintCode(user, action);
    }

    private Map<String, Object> challengeBody(UserModel user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__domain__", context.org().domain());
        body.put("__environment__", context.org().environment());
        body.put("__type__", "PasswordChallenge");
        body.put("code", null);
        body.put("error", null);
        body.put("expired_at", null);
        body.put("password_id", passwordId(user));
        body.put("renew_password", null);
        body.put("request_id", UUID.randomUUID().toString());
        body.put("user_id", user.getId());
        body.put("valid?", true);
        return body;
    }

    private static Response invalidCredentials() {
        return Replies.error(401, "invalid_credentials", "invalid email or password");
    }

    private UserModel userByEmail(String email) {
        if (email.length() > 254 || email.indexOf('@') < 1) {
            throw new IllegalArgumentException("user_email must be an email address");
        }
        return context.withinReach(context.session().users().getUserByEmail(context.realm(), email));
    }

    /** Password expired by the realm's policy ({@code forceExpiredPasswordChange}) or by an admin's UPDATE_PASSWORD. */
    private static boolean expired(UserModel user, PasswordPolicy policy) {
        if (user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals)) {
            return true;
        }
        int days = policy == null ? -1 : policy.getDaysToExpirePassword();
        if (days <= 0) {
            return false;
        }
        CredentialModel password = password(user);
        Long created = password == null ? null : password.getCreatedDate();
        return created != null && created + days * 86_400_000L < Time.currentTimeMillis();
    }

    private boolean expired(UserModel user) {
        return expired(user, context.realm().getPasswordPolicy());
    }

    private static CredentialModel password(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .orElse(null);
    }

    private static String passwordId(UserModel user) {
        CredentialModel password = password(user);
        return password == null ? null : password.getId();
    }

    /** The hashing an existing user's check costs, so an unknown address answers no faster. */
    private void burnHash(String password) {
        try {
            PasswordPolicy policy = context.realm().getPasswordPolicy();
            String algorithm = policy == null ? null : policy.getHashAlgorithm();
            PasswordHashProvider hash = algorithm == null
                    ? context.session().getProvider(PasswordHashProvider.class)
                    : context.session().getProvider(PasswordHashProvider.class, algorithm);
            if (hash != null) {
                hash.encodedCredential(password, policy == null ? -1 : policy.getHashIterations());
            }
        } catch (RuntimeException e) {
            // Timing only: nothing to report.
        }
    }

    private org.keycloak.events.EventBuilder event(UserModel user, EventType type, String action) {
        org.keycloak.events.EventBuilder event = context.event(type, action);
        return user == null ? event : event.user(user);
    }
}
