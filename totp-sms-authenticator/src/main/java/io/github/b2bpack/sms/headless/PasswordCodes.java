package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.headless.secret.SecretCodes;
import java.security.SecureRandom;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Cryptr's {@code password_code}: a single-use secret that lets {@code renew-password} set a user's password. Kept
 * in Keycloak's cluster-wide single-use store under the SHA-256 of the code (never the code), with the user it was
 * issued for and its expiry, for the configured TTL. A renewal claims it with an atomic {@code remove}, so two
 * renewals with one code cannot both pass; a renewal the password policy refuses puts it back for the time left.
 */
final class PasswordCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER = "user";
    private static final String EXPIRES = "exp";

    private final SingleUseObjectProvider store;
    private final String realmId;

    PasswordCodes(SingleUseObjectProvider store, String realmId) {
        this.store = store;
        this.realmId = realmId;
    }

    /** A new code for the user {@code userId}, valid {@code ttlSeconds}; null gives a code that is stored nowhere. */
    Issued issue(String userId, int ttlSeconds) {
        String code = new SecretCodes(RANDOM).next();
        long expires = Time.currentTimeMillis() + ttlSeconds * 1000L;
        if (userId != null) {
            store.put(key(code), ttlSeconds, Map.of(USER, userId, EXPIRES, Long.toString(expires)));
        }
        return new Issued(code, expires);
    }

    /** Takes the code if it was issued for {@code userId} and is unexpired; null otherwise (nothing is consumed then). */
    Claim claim(String code, String userId) {
        if (!SecretCodes.wellFormed(code) || userId == null) {
            return null;
        }
        Map<String, String> stored = store.remove(key(code));
        if (stored == null) {
            return null;
        }
        Claim claim = new Claim(code, stored);
        if (!userId.equals(stored.get(USER)) || claim.expiresAt() <= Time.currentTimeMillis()) {
            claim.giveBack();
            return null;
        }
        return claim;
    }

    private String key(String code) {
        return "b2bpack-headless:password-code:" + realmId + ":" + SecretCodes.digest(code);
    }

    record Issued(String code, long expiresAt) {}

    /** A claimed code; {@link #giveBack} returns it to the store for the time it had left. */
    final class Claim {
        private final String code;
        private final Map<String, String> stored;

        private Claim(String code, Map<String, String> stored) {
            this.code = code;
            this.stored = stored;
        }

        long expiresAt() {
            try {
                return Long.parseLong(stored.get(EXPIRES));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        void giveBack() {
            long left = (expiresAt() - Time.currentTimeMillis()) / 1000;
            if (left > 0) {
                store.put(key(code), left, stored);
            }
        }
    }
}
