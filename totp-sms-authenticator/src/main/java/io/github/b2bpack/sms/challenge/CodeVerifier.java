package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.code.PendingCode;
import java.util.function.LongSupplier;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Checks entries against the code pending for one user and purpose ({@link CodeCheck} has the rules).
 * Each entry first claims one of the code's attempt slots (atomic, so parallel entries are each
 * counted); a right code is then consumed with an atomic {@code remove}, and only the request whose
 * remove returned this very code succeeds.
 */
public final class CodeVerifier {

    private final PendingCodes codes;
    private final int maxAttempts;
    private final LongSupplier clock;

    public CodeVerifier(
            KeycloakSession session, RealmModel realm, UserModel user, Purpose purpose, SmsOtpSettings settings) {
        this(
                new PendingCodes(session.singleUseObjects(), new ChallengeKeys(realm.getId(), user.getId(), purpose)),
                settings.policy().maxAttempts(),
                Time::currentTimeMillis);
    }

    CodeVerifier(PendingCodes codes, int maxAttempts, LongSupplier clock) {
        this.codes = codes;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** Checks one entry of a code texted to {@code phone}. */
    public CodeCheck.Outcome verify(String input, String phone) {
        long now = clock.getAsLong();
        PendingCode pending = codes.stored();
        if (pending == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        if (CodeCheck.expired(pending, now)) {
            codes.removeIfStill(pending, now);
            return CodeCheck.Outcome.EXPIRED;
        }
        int attempt = codes.claimAttempt(pending, maxAttempts, now);
        CodeCheck.Outcome outcome =
                CodeCheck.check(pending, input, now, attempt, maxAttempts, ChallengeKeys.numberDigest(phone));
        switch (outcome) {
            case VALID -> {
                if (!codes.removeIfStill(pending, now)) {
                    // Another request consumed this code first: it is used.
                    return CodeCheck.Outcome.NO_CODE;
                }
                codes.endCooldown();
            }
            case VOIDED -> {
                // Only the holder of the last slot removes the code; an entry that got no slot leaves it
                // to the slot holders, one of which may still be the right code.
                if (attempt >= 0) {
                    codes.removeIfStill(pending, now);
                }
            }
            default -> {}
        }
        return outcome;
    }

    /** Drops the pending code: a recovery code stood in for it. */
    public void discard() {
        codes.discard();
    }
}
