package io.github.b2bpack.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.http.conn.DnsResolver;

/**
 * HttpClient's resolver for deliveries: the {@link SsrfGuard} answers, so the connection is made only to an
 * address that was checked, and a DNS answer that changes between save and send (DNS rebinding) cannot
 * reach an internal address.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final SsrfGuard guard;

    GuardedDnsResolver(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.permittedAddresses(host);
    }
}
