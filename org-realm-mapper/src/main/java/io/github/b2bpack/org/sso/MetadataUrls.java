package io.github.b2bpack.org.sso;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for a metadata or discovery URL the server fetches on an administrator's behalf: {@code https}, no user
 * info, and a host whose every address is public, so the API cannot be used to probe or read the server's own
 * network (loopback, private, link-local — cloud metadata at 169.254.169.254 — unique-local, multicast). Hosts named
 * in the server option {@code sso-metadata-private-hosts} are exempt (an IdP on the company network, the tests).
 */
public final class MetadataUrls {

    public static final int MAX_LENGTH = 2048;

    /** Resolves a host; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private MetadataUrls() {}

    /**
     * The URL when allowed; otherwise {@link IllegalArgumentException} with a message fit for the caller (it names
     * the rule, never the addresses the host resolved to).
     */
    public static URI check(String raw, Set<String> privateHostsAllowed, Resolver resolver) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the URL must be an https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL must be https://host/…, without user info");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (privateHostsAllowed.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the URL's host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new IllegalArgumentException("the URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IllegalArgumentException("the URL's host is on a private, loopback or link-local network");
            }
        }
        return uri;
    }

    /**
     * Whether an address is on the public internet: not loopback, private, link-local, CGNAT, reserved, ULA,
     * multicast, nor an IPv6 form that embeds or tunnels to such an IPv4 address (mapped, compatible, 6to4, NAT64,
     * Teredo).
     */
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
}
