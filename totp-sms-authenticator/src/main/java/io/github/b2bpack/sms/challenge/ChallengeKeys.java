package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.crypto.Sha256;
import java.util.Locale;

/**
 * Where one user's codes of one purpose live in the single-use store. Every node of a cluster derives
 * the same keys, which is what lets the store's atomic operations enforce the limits cluster-wide.
 */
record ChallengeKeys(String realmId, String userId, Purpose purpose) {

    /** The pending code (its salted hash). */
    String code() {
        return "b2bpack-sms:code:" + scope();
    }

    /** Claimed (putIfAbsent) for the cooldown after each send of this purpose; survives a voided code. */
    String cooldown() {
        return "b2bpack-sms:cooldown:" + scope();
    }

    /** When the cooldown began, only for the "wait n seconds" message. */
    String cooldownAt() {
        return cooldown() + ":at";
    }

    /** The attempt slots of one code, named by its random id so a newer code starts with all of them. */
    static String attempts(String codeId) {
        return "b2bpack-sms:try:" + codeId;
    }

    /** Binds a code to the number it was sent to, and keys the number's budget, without storing the number. */
    static String numberDigest(String phone) {
        return Sha256.hex(String.valueOf(phone));
    }

    private String scope() {
        return purpose.name().toLowerCase(Locale.ROOT) + ":" + realmId + ":" + userId;
    }
}
