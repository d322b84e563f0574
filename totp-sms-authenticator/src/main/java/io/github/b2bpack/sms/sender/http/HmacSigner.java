package io.github.b2bpack.sms.sender.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature of the generic HTTP sender: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * over the exact bytes sent (never a re-serialisation), with the Unix timestamp in its own header so
 * the gateway can refuse replays.
 */
public final class HmacSigner {

    private HmacSigner() {
    }

    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
