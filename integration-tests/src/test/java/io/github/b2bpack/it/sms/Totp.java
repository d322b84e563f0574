package io.github.b2bpack.it.sms;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

/**
 * What an authenticator app does, written from RFC 6238 / RFC 4226 and RFC 4648 (not from Keycloak's classes,
 * so a test does not check Keycloak against itself): read the QR code, take the secret of the
 * {@code otpauth://} URI, compute the code of a time step.
 */
final class Totp {

    private Totp() {}

    /** The text of the QR code in a {@code data:image/png;base64,…} image source. */
    static String decodeQr(String dataUri) {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)))
                    .getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no QR code in the image", e);
        }
    }

    /** The query parameters of an {@code otpauth://totp/label?secret=…&digits=…} URI. */
    static Map<String, String> params(String otpauthUri) {
        Map<String, String> out = new LinkedHashMap<>();
        String query = URI.create(otpauthUri).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** RFC 4648 base32 (upper or lower case, padding and spaces ignored). */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    /** The 6-digit HMAC-SHA1 code of the 30 s step holding {@code epochSeconds}. */
    static String code(byte[] key, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(
                    ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
            int offset = h[h.length - 1] & 0xf;
            int binary = ((h[offset] & 0x7f) << 24)
                    | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String now(byte[] key) {
        return code(key, System.currentTimeMillis() / 1000);
    }

    /** The code of the next step: accepted now under Keycloak's default look-around of one step. */
    static String next(byte[] key) {
        return code(key, System.currentTimeMillis() / 1000 + 30);
    }

    /** A 6-digit code accepted at none of the steps around now. */
    static String wrong(byte[] key) {
        long t = System.currentTimeMillis() / 1000;
        for (int candidate = 0; ; candidate++) {
            String c = String.format("%06d", candidate);
            boolean valid = false;
            for (long d = -60; d <= 60; d += 30) {
                valid |= c.equals(code(key, t + d));
            }
            if (!valid) {
                return c;
            }
        }
    }
}
