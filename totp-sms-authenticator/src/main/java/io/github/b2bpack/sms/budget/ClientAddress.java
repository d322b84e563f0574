package io.github.b2bpack.sms.budget;

import io.github.b2bpack.sms.crypto.Sha256;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The subject of the per-IP cap for a client address as Keycloak reports it. An IPv6 client usually
 * holds a whole /64 (one home line, one cloud VM) and can send every request from a new address of it,
 * so IPv6 addresses count by their /64, as IPv4 addresses count one by one; an IPv4-mapped IPv6 address
 * is its IPv4 address. Anything else (a proxy header passed through unparsed) is never resolved and is
 * kept as a bounded digest, so a key cannot grow with the input.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Only what an IPv6 literal is made of: the JDK then parses it as a literal, never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {}

    public static String budgetSubject(String remoteAddr) {
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
                byte[] bytes = address.getAddress();
                return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
            } catch (UnknownHostException e) {
                // not a valid literal: falls through to the digest
            }
        }
        // The first 128 bits of the digest: distinct enough, and the key stays short.
        return "other:" + Sha256.hex(remoteAddr).substring(0, 32);
    }
}
