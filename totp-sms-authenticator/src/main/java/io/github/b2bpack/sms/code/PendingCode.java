package io.github.b2bpack.sms.code;

import java.util.HashMap;
import java.util.Map;

/**
 * A code that was texted and not yet used, as kept in the cluster-wide single-use store: a random id
 * (which names its attempt slots and tells it apart from a later code), its salted hash, when it was
 * sent and expires, and (for enrollment) a digest of the number it was sent to, so a code cannot
 * verify a different number. Wrong entries are not counted in here: rewriting a counter is
 * read-then-write, so each try claims an attempt slot of its own instead.
 */
public record PendingCode(
        String id, String hash, String salt, long sentAtMillis, long expiresAtMillis, String targetDigest) {

    public Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put("id", id);
        map.put("hash", hash);
        map.put("salt", salt);
        map.put("sentAt", Long.toString(sentAtMillis));
        map.put("expiresAt", Long.toString(expiresAtMillis));
        map.put("target", targetDigest == null ? "" : targetDigest);
        return map;
    }

    /**
     * Null when the map is absent or not one of ours (a corrupted entry is treated as no code). An entry
     * written before codes had ids uses its salted hash as the id (unique per code).
     */
    public static PendingCode fromMap(Map<String, String> map) {
        if (map == null || map.get("hash") == null || map.get("salt") == null) {
            return null;
        }
        try {
            String id = map.get("id") == null || map.get("id").isEmpty() ? map.get("hash") : map.get("id");
            return new PendingCode(
                    id,
                    map.get("hash"),
                    map.get("salt"),
                    Long.parseLong(map.get("sentAt")),
                    Long.parseLong(map.get("expiresAt")),
                    map.getOrDefault("target", ""));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
