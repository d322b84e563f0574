package io.github.b2bpack.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name to addresses, as the SSRF guard sees it. Production uses the JDK's resolver (system DNS and hosts
 * file); tests inject answers (IPv6 forms built from bytes, a name whose answer changes between save and send).
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
