package io.github.b2bpack.sms.code;

import java.util.HashMap;
import java.util.Map;

/**
 * A code that was texted and not yet used, as kept in the cluster-wide single-use store: only its
 * salted hash, when it was sent and expires, how many wrong entries it took, and (for enrollment)
 * a digest of the number it was sent to, so a code cannot verify a different number.
 */
public record PendingCode(String hash, String salt, long sentAtMillis, long expiresAtMillis, int failures, String targetDigest) {

    public PendingCode withFailures(int newFailures) {
        return new PendingCode(hash, salt, sentAtMillis, expiresAtMillis, newFailures, targetDigest);
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put("hash", hash);
        map.put("salt", salt);
        map.put("sentAt", Long.toString(sentAtMillis));
        map.put("expiresAt", Long.toString(expiresAtMillis));
        map.put("failures", Integer.toString(failures));
        map.put("target", targetDigest == null ? "" : targetDigest);
        return map;
    }

    /** Null when the map is absent or not one of ours (a corrupted entry is treated as no code). */
    public static PendingCode fromMap(Map<String, String> map) {
        if (map == null || map.get("hash") == null || map.get("salt") == null) {
            return null;
        }
        try {
            return new PendingCode(map.get("hash"), map.get("salt"),
                    Long.parseLong(map.get("sentAt")), Long.parseLong(map.get("expiresAt")),
                    Integer.parseInt(map.get("failures")), map.getOrDefault("target", ""));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
