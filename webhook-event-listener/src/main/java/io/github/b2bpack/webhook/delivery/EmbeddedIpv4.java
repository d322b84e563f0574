package io.github.b2bpack.webhook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries, for the transition forms that make a host reach that IPv4:
 * IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-translated ({@code ::ffff:0:0:0/96}), IPv4-compatible
 * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}, and the local-use {@code 64:ff9b:1::/48} at every RFC 6052
 * position its operator may have chosen), 6to4 ({@code 2002::/16}, bits 16–48) and Teredo ({@code 2001::/32}:
 * the server in bits 32–64 and the client, inverted, in the last 32 bits). A DNS answer in one of these forms
 * is an {@link Inet6Address} whose own checks ({@code isLoopbackAddress}, {@code isLinkLocalAddress}…) see
 * nothing wrong, so the SSRF guard checks what it embeds.
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {}

    /** Empty when {@code address} is no transition form (or is IPv4 already). */
    static List<Inet4Address> of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of();
        }
        byte[] b = address.getAddress();
        List<Inet4Address> found = new ArrayList<>(2);
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            found.add(v4(b[12], b[13], b[14], b[15])); // mapped ::ffff:a.b.c.d
        } else if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            found.add(v4(b[12], b[13], b[14], b[15])); // translated ::ffff:0:a.b.c.d
        } else if (zero(b, 0, 12)) {
            found.add(v4(b[12], b[13], b[14], b[15])); // compatible ::a.b.c.d (also :: and ::1)
        } else if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && u16(b, 4) == 0x0001) {
            // local-use NAT64 (RFC 8215): the prefix length is the operator's choice, so every position counts
            found.add(v4(b[6], b[7], b[9], b[10])); // /48
            found.add(v4(b[7], b[9], b[10], b[11])); // /56
            found.add(v4(b[9], b[10], b[11], b[12])); // /64
            found.add(v4(b[12], b[13], b[14], b[15])); // /96
        } else if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b) {
            found.add(v4(b[12], b[13], b[14], b[15])); // well-known NAT64 64:ff9b::/96 (and the rest of /32)
        } else if (u16(b, 0) == 0x2002) {
            found.add(v4(b[2], b[3], b[4], b[5])); // 6to4
        } else if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0000) {
            found.add(v4(b[4], b[5], b[6], b[7])); // Teredo server
            found.add(v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15])); // Teredo client, inverted
        }
        return found;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // never: four bytes are always an IPv4 address
        }
    }
}
