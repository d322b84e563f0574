package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One TOTP method behind the headless endpoints ({@code method} = {@code sms} or {@code totp_mobile_app}, each
 * listed in {@link TotpHeadless#METHODS}). {@link TotpHeadless} owns
 * what both share: the caller check, lockouts, brute-force counting, recovery codes, the enrollment counters and
 * the authorization code; a method only sends, stores and checks its own codes.
 */
interface HeadlessTotpMethod {

    /** Cryptr's {@code method} value. */
    String id();

    /** The required action that (re-)enrolls this method, removed once an enrollment is validated. */
    String requiredAction();

    /** Whether the realm offers new enrollments of this method (realm attribute {@code b2bpack.otp.methods}). */
    boolean offeredIn(RealmModel realm);

    boolean enrolled(UserModel user);

    /** Removes the method's credential (force_enroll). */
    void remove(UserModel user);

    /**
     * Starts an enrollment and fills {@code body} ({@code uri}, {@code first_verification_code}, ...); null when
     * started, else the refusal to answer.
     */
    Response startEnrollment(HeadlessContext context, UserModel user, RequestParams params, Map<String, Object> body);

    /** Whether an enrollment of this method was started and awaits its first code (Cryptr's validation names none). */
    boolean enrollmentPending(HeadlessContext context, UserModel user);

    /** Checks the first code; on {@code VALID} the method's credential is stored (previous one replaced). */
    CodeCheck.Outcome completeEnrollment(
            HeadlessContext context, UserModel user, String code, Map<String, Object> body);

    /**
     * Sends (or, for an app, has nothing to send for) a login code, filling {@code sent_at} when it sent one; null
     * when done, else the refusal.
     */
    Response challenge(HeadlessContext context, UserModel user, Map<String, Object> body);

    /**
     * Claims one of the method's attempt slots before {@link #verify} compares a code; false: none left, the code
     * is not compared (nor counted as a brute-force failure). The SMS method's slots belong to its pending code,
     * inside {@link #verify}.
     */
    default boolean claimAttempt(HeadlessContext context, UserModel user) {
        return true;
    }

    /** Checks a login code with the method's attempt limits. */
    CodeCheck.Outcome verify(HeadlessContext context, UserModel user, String code);

    /** Drops a pending login code: a recovery code stood in for it. */
    void discardChallenge(HeadlessContext context, UserModel user);
}
