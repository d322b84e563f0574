package io.github.b2bpack.magiclink.limit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The subjects the limits count by. An IPv4 address counts alone; an IPv6 address by its /64 (one home line or VM
 * holds a whole /64 and could rotate through it); anything else Keycloak reports (an unparsed proxy header) by a
 * bounded digest. An email address counts by a digest of its lower-cased form, so store keys never hold it in clear.
 */
public final class ClientSubject {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Only the characters of an IPv6 literal: the JDK then parses it, never resolves it. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientSubject() {}

    public static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isBlank()) {
            return "unknown";
        }
        String s = remoteAddr.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.length() <= 45 && (IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
            try {
                InetAddress address = InetAddress.getByName(s);
                if (address instanceof Inet4Address) {
                    return address.getHostAddress();
                }
                return "v6:" + HexFormat.of().formatHex(address.getAddress(), 0, 8);
            } catch (UnknownHostException e) {
                // not a literal after all: counted by its digest below
            }
        }
        return "other:" + sha256(remoteAddr).substring(0, 32);
    }

    public static String address(String email) {
        return sha256(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .substring(0, 32);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
