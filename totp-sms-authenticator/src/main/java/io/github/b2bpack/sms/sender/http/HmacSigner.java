package io.github.b2bpack.sms.sender.http;

import io.github.b2bpack.sms.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Signature of the generic HTTP sender: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * over the exact bytes sent (never a re-serialisation), with the Unix timestamp in its own header so
 * the gateway can refuse replays.
 */
public final class HmacSigner {

    private HmacSigner() {}

    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        return "v1="
                + HexFormat.of()
                        .formatHex(Sha256.hmac(
                                secret, (timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII), body));
    }
}
