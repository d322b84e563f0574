package io.github.b2bpack.org.ssoentry;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps the server from fetching a metadata or discovery URL that an anonymous link holder typed into a page
 * from anything but a public HTTPS host: the link holder must not make Keycloak read its own management port,
 * a cloud metadata service or another internal host (server-side request forgery). Every address the name
 * resolves to must be public; the fetch itself follows no redirect (a redirect could lead back inside).
 */
public final class MetadataUrlGuard {

    /** Resolves a host name to all its addresses (the JVM's resolver in production, a table in unit tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    public MetadataUrlGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The URL, checked; a refused one throws {@link OnboardingRefusal} ({@code b2bpackSsoOnboardingUrlRefused}). */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("not a URL");
        }
        if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw refused("only https URLs are fetched");
        }
        if (uri.getRawUserInfo() != null
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw refused("the URL must name a host and no credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused("the host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refused("the host resolves to a private, loopback or reserved address");
            }
        }
        return uri;
    }

    /** Whether an address is on the public internet (not loopback, private, link-local, CGNAT, ULA, multicast…). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            int second = b[1] & 0xff;
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // Teredo 2001::/32 tunnels to an IPv4 address the guard cannot see
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            if (first == 0x01 && second == 0 && zero(b, 2, 8)) {
                return false; // discard-only 100::/64
            }
            if (first == 0x20 && second == 0x02) {
                return embedded(b, 2); // 6to4 2002::/16
            }
            if (first == 0 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                // NAT64: the well-known 64:ff9b::/96 embeds an IPv4 address; the local-use 64:ff9b:1::/48 is private
                return zero(b, 4, 12) && embedded(b, 12);
            }
            if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return embedded(b, 12); // IPv4-mapped ::ffff:0:0/96
            }
            if (zero(b, 0, 12)) {
                return embedded(b, 12); // IPv4-compatible ::/96 (deprecated, still routed by some stacks)
            }
        }
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the IPv4 address at {@code offset} of an IPv6 address is public. */
    private static boolean embedded(byte[] b, int offset) {
        try {
            return isPublic(
                    InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]}));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static OnboardingRefusal refused(String why) {
        return new OnboardingRefusal("b2bpackSsoOnboardingUrlRefused", why);
    }
}
