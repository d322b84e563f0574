package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.delivery.SsrfGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a webhook's {@code target_url} when it is saved: an absolute http(s) URL without user info or
 * fragment, whose host resolves only to addresses the SSRF guard permits. The sender checks again on
 * the address it actually connects to, because DNS answers change.
 */
public final class TargetUrls {

    public static final int MAX_LENGTH = 2048;

    private TargetUrls() {}

    /** Null when acceptable, otherwise why not. */
    public static String problem(String url, SsrfGuard guard) {
        if (url == null || url.isBlank()) {
            return "target_url is required";
        }
        if (url.length() > MAX_LENGTH) {
            return "target_url is longer than " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | IllegalArgumentException e) {
            // The JDK's parser throws NumberFormatException on an overlong IPv4 part of an IPv6 literal,
            // e.g. [::ffff:1277777777.0.0.1] (TargetUrlsFuzzTest input regression-ipv4-in-ipv6-literal-overflow).
            return "target_url is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "target_url must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "target_url must have a host and no user info or fragment";
        }
        return guard.problemAtSave(uri.getHost());
    }
}
