package io.github.b2bpack.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The SSRF guard on names: resolves a host through a {@link HostResolver} and applies the {@link AddressPolicy}
 * to every answer. At save a webhook is refused when any address is refused (the stricter reading, since
 * the sender may pick any of them); at connect only the permitted addresses are returned, so the socket goes
 * to an address that was checked even when the answer changed since the save (DNS rebinding).
 */
public final class SsrfGuard {

    /** Message of the exception thrown when every address is refused; the sender maps it to a clear error. */
    public static final String REFUSED = "address refused by the SSRF guard";

    private final AddressPolicy policy;
    private final HostResolver resolver;

    public SsrfGuard(AddressPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Save time: null when every address of {@code host} is permitted, otherwise why not. */
    public String problemAtSave(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return "target_url host does not resolve";
        }
        if (addresses == null || addresses.length == 0) {
            return "target_url host does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(address)) {
                return "target_url resolves to a private, loopback or link-local address (directly or embedded in an IPv6 "
                        + "transition address), which is refused";
            }
        }
        return null;
    }

    /** Connect time: the permitted addresses of {@code host}; throws {@link #REFUSED} when there is none. */
    public InetAddress[] permittedAddresses(String host) throws UnknownHostException {
        InetAddress[] all = resolver.resolve(host);
        InetAddress[] permitted = all == null
                ? new InetAddress[0]
                : Arrays.stream(all).filter(policy::permits).toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw new UnknownHostException(REFUSED);
        }
        return permitted;
    }
}
