package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.delivery.AddressPolicy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a webhook's {@code target_url} when it is saved: an absolute http(s) URL without user info or
 * fragment, whose host resolves only to addresses the SSRF guard permits. The sender checks again on
 * the address it actually connects to, because DNS answers change.
 */
final class TargetUrls {

    static final int MAX_LENGTH = 2048;

    private TargetUrls() {
    }

    /** Null when acceptable, otherwise why not. */
    static String problem(String url, AddressPolicy policy) {
        if (url == null || url.isBlank()) {
            return "target_url is required";
        }
        if (url.length() > MAX_LENGTH) {
            return "target_url is longer than " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "target_url is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "target_url must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "target_url must have a host and no user info or fragment";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "target_url host does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(address)) {
                return "target_url resolves to a private, loopback or link-local address, which is refused";
            }
        }
        return null;
    }
}
