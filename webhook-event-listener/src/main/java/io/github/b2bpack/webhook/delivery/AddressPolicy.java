package io.github.b2bpack.webhook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSRF guard's rule: a webhook may reach public addresses only. Loopback, private (RFC 1918,
 * IPv6 ULA), carrier-grade NAT, link-local (cloud metadata endpoints included), unspecified and
 * multicast addresses are refused unless they fall inside an operator's allow-list of CIDR blocks
 * (option {@code allowed-networks}, e.g. {@code 127.0.0.0/8} in tests or {@code 10.20.0.0/16} for an
 * internal receiver). Applied when a webhook is saved and again to every resolved address at send time.
 * An IPv6 address that embeds an IPv4 one (mapped, translated, compatible, NAT64, 6to4, Teredo: see
 * {@link EmbeddedIpv4}) is permitted only when every IPv4 it embeds is: the JDK's own checks see such an
 * {@code Inet6Address} (as DNS returns {@code ::ffff:169.254.169.254}) as public.
 */
public final class AddressPolicy {

    private final List<Cidr> allowed;

    private AddressPolicy(List<String> allowedCidrs) {
        List<Cidr> list = new ArrayList<>();
        for (String c : allowedCidrs) {
            if (!c.isBlank()) {
                list.add(Cidr.parse(c.trim()));
            }
        }
        this.allowed = List.copyOf(list);
    }

    public static AddressPolicy parse(String commaSeparated) {
        return new AddressPolicy(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")));
    }

    public boolean permits(InetAddress address) {
        if (allowListed(address)) {
            return true;
        }
        if (!isPublic(address)) {
            return false;
        }
        for (InetAddress embedded : EmbeddedIpv4.of(address)) {
            if (!allowListed(embedded) && !isPublic(embedded)) {
                return false;
            }
        }
        return true;
    }

    private boolean allowListed(InetAddress address) {
        for (Cidr c : allowed) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return false; // "this network", reserved and broadcast
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return false; // carrier-grade NAT 100.64/10 (Alibaba metadata 100.100.100.200)
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return false; // IETF protocol assignments
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return false; // benchmarking 198.18/15
            }
            return true;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (AWS fd00:ec2::254)
            }
            // Transition forms (mapped, NAT64, 6to4, Teredo…) are judged by the IPv4 they embed, in permits().
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "AddressPolicy" + allowed;
    }

    /** One allow-list entry. */
    record Cidr(byte[] network, int prefix, String text) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("allowed-networks entries are IP addresses or CIDR blocks: " + text);
            }
            try {
                byte[] net = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > net.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(net, prefix, text);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
