package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.UserModel;

/**
 * One TOTP method behind the headless endpoints ({@code method} = {@code sms} now; the authenticator-app method
 * plugs in by implementing this and being listed in {@link TotpHeadless#METHODS}). {@link TotpHeadless} owns
 * what both share: the caller check, lockouts, brute-force counting, recovery codes, the enrollment counters and
 * the authorization code; a method only sends, stores and checks its own codes.
 */
interface HeadlessTotpMethod {

    /** Cryptr's {@code method} value. */
    String id();

    /** The required action that (re-)enrolls this method, removed once an enrollment is validated. */
    String requiredAction();

    boolean enrolled(UserModel user);

    /** Removes the method's credential (force_enroll). */
    void remove(UserModel user);

    /**
     * Starts an enrollment and fills {@code body} ({@code uri}, {@code first_verification_code}, ...); null when
     * started, else the refusal to answer.
     */
    Response startEnrollment(HeadlessContext context, UserModel user, RequestParams params, Map<String, Object> body);

    /** Checks the first code; on {@code VALID} the method's credential is stored (previous one replaced). */
    CodeCheck.Outcome completeEnrollment(
            HeadlessContext context, UserModel user, String code, Map<String, Object> body);

    /** Sends (or, for an app, has nothing to send for) a login code; null when done, else the refusal. */
    Response challenge(HeadlessContext context, UserModel user, Map<String, Object> body);

    /** Checks a login code with the method's attempt limits. */
    CodeCheck.Outcome verify(HeadlessContext context, UserModel user, String code);

    /** Drops a pending login code: a recovery code stood in for it. */
    void discardChallenge(HeadlessContext context, UserModel user);
}
