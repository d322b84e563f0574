package io.github.b2bpack.org.sso;

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
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IllegalArgumentException("the URL's host is on a private, loopback or link-local network");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4-mapped address is judged as its IPv4 address.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 192.0.0.0/24.
        return !(first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0));
    }
}
