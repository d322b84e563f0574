package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.webhook.delivery.AddressPolicy;
import io.github.b2bpack.webhook.delivery.HostResolver;
import io.github.b2bpack.webhook.delivery.SsrfGuard;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;

/**
 * A webhook's {@code target_url}, from a realm admin. Input: the URL on the first line, then (raw
 * bytes) the DNS answer the host gets: addresses of 4 or 16 bytes, each after a selector byte, as a resolver returns them (an IPv6
 * answer stays an {@code Inet6Address}, however it embeds an IPv4). No real DNS is queried.
 * Contracts: {@link TargetUrls#problem} answers null or a message, never throws; an accepted URL is
 * absolute http(s) with a host and no user info or fragment; and no accepted answer holds an address
 * that embeds a non-public IPv4 in one of the well-known IPv6 forms (mapped {@code ::ffff:0:0/96},
 * compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo
 * {@code 2001::/32}), judged by an oracle written here independently of the guard's own unwrapping.
 * Seeds: {@code TargetUrlsFuzzTestInputs/targetUrl} (not {@code target}: git ignores such directories).
 */
class TargetUrlsFuzzTest {

    private static final AddressPolicy POLICY = AddressPolicy.parse("");

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void targetUrl(byte[] input) throws UnknownHostException {
        int newline = indexOf(input, (byte) '\n');
        String url = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        InetAddress[] answer = answer(newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length));
        HostResolver resolver = host -> {
            if (answer.length == 0) {
                throw new UnknownHostException("no answer");
            }
            return answer;
        };
        String problem = TargetUrls.problem(url, new SsrfGuard(POLICY, resolver));
        if (problem != null) {
            assertFalse(problem.isBlank());
            return;
        }
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        assertTrue(scheme.equals("http") || scheme.equals("https"), "scheme");
        assertNotNull(uri.getHost(), "host");
        assertEquals(null, uri.getRawUserInfo(), "user info");
        assertEquals(null, uri.getRawFragment(), "fragment");
        for (InetAddress address : answer) {
            byte[] embedded = embeddedIpv4(address.getAddress());
            if (embedded != null) {
                assertTrue(
                        publicIpv4(embedded), "accepted " + address.getHostAddress() + " embedding a non-public IPv4");
            }
            if (address instanceof Inet4Address) {
                assertTrue(publicIpv4(address.getAddress()), "accepted non-public " + address.getHostAddress());
            }
        }
    }

    /** Each address: a selector byte (odd: 16 bytes follow, even: 4 bytes follow), at most 8 addresses. */
    private static InetAddress[] answer(byte[] raw) throws UnknownHostException {
        InetAddress[] out = new InetAddress[8];
        int n = 0;
        int at = 0;
        while (n < out.length && at < raw.length) {
            int size = (raw[at] & 1) == 1 ? 16 : 4;
            if (at + 1 + size > raw.length) {
                break;
            }
            out[n++] = InetAddress.getByAddress("fuzz.example", Arrays.copyOfRange(raw, at + 1, at + 1 + size));
            at += 1 + size;
        }
        return Arrays.copyOf(out, n);
    }

    /** The IPv4 that an IPv6 transition form carries, or null. */
    static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(a, 12, 16); // ::ffff:0:0/96 mapped
        }
        if (zero(a, 0, 12) && !(zero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
            return Arrays.copyOfRange(a, 12, 16); // ::/96 compatible (not :: or ::1)
        }
        if ((a[0] & 0xff) == 0x00
                && (a[1] & 0xff) == 0x64
                && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b
                && zero(a, 4, 12)) {
            return Arrays.copyOfRange(a, 12, 16); // 64:ff9b::/96 NAT64
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(a, 2, 6); // 2002::/16 6to4
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) {
            byte[] client = Arrays.copyOfRange(a, 12, 16); // 2001::/32 Teredo, client address inverted
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return client;
        }
        return null;
    }

    /** Public unicast IPv4, by the ranges of RFC 6890 that a webhook must never reach. */
    static boolean publicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0
                || a0 == 10
                || a0 == 127
                || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 <= 127)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168));
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
