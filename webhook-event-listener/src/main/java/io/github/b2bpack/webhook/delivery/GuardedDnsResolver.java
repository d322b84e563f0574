package io.github.b2bpack.webhook.delivery;

import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Resolves a target host at connect time and keeps only the addresses the {@link AddressPolicy}
 * permits: the connection is made to an address that was checked, so a DNS answer that changes
 * between save and send (DNS rebinding) cannot reach an internal address.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** Message of the exception thrown when every address is refused; the sender maps it to a clear error. */
    static final String REFUSED = "address refused by the SSRF guard";

    private final AddressPolicy policy;

    GuardedDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        InetAddress[] permitted = Arrays.stream(all).filter(policy::permits).toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw new UnknownHostException(REFUSED);
        }
        return permitted;
    }
}
