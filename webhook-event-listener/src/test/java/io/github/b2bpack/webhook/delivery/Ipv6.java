package io.github.b2bpack.webhook.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv6 addresses as a resolver returns them: {@code Inet6Address} objects built from the 16 bytes, which the
 * JDK keeps as IPv6 even for {@code ::ffff:a.b.c.d} ({@code InetAddress.getByName} would turn that into IPv4).
 */
final class Ipv6 {

    private Ipv6() {}

    static Inet6Address of(String literal) {
        try {
            byte[] bytes = new byte[16];
            String[] halves = literal.split("::", -1);
            int[] head = groups(halves[0]);
            int[] tail = halves.length > 1 ? groups(halves[1]) : new int[0];
            for (int i = 0; i < head.length; i++) {
                put(bytes, i, head[i]);
            }
            for (int i = 0; i < tail.length; i++) {
                put(bytes, 8 - tail.length + i, tail[i]);
            }
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static InetAddress v4(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":");
        int[] out = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = Integer.parseInt(g[i], 16);
        }
        return out;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[group * 2] = (byte) (value >> 8);
        bytes[group * 2 + 1] = (byte) value;
    }
}
