package io.github.b2bpack.org.discovery;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The authorization endpoint of a realm on this server, with a caller's query string carried over verbatim. */
public final class AuthorizationRedirect {

    private AuthorizationRedirect() {}

    /**
     * @param serverBase this server's base URI (from the request context, never from parameters)
     * @param realmName  a realm name taken from the organization index
     * @param rawQuery   the incoming query string, still percent-encoded, or null
     */
    public static URI to(URI serverBase, String realmName, String rawQuery) {
        String base = serverBase.toString();
        int query = base.indexOf('?');
        if (query >= 0) {
            base = base.substring(0, query);
        }
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        String segment = URLEncoder.encode(realmName, StandardCharsets.UTF_8).replace("+", "%20");
        String endpoint = base + "realms/" + segment + "/protocol/openid-connect/auth";
        return URI.create(rawQuery == null || rawQuery.isEmpty() ? endpoint : endpoint + "?" + rawQuery);
    }

    /**
     * sso: the query with {@code kc_idp_hint=<alias>} as its only identity provider hint (a caller's own hint is
     * dropped: the organization's active SSO connection decides where its people sign in).
     *
     * @param rawQuery the incoming query string, still percent-encoded, or null
     */
    public static String withIdpHint(String rawQuery, String alias) {
        StringBuilder query = new StringBuilder();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            // Keycloak's HTTP layer (Vert.x) also splits on ';': a pair hidden behind one would be a second hint.
            for (String pair : rawQuery.split("[&;]")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                // Compared decoded: Keycloak decodes names, so kc%5Fidp_hint or %6Bc_idp_hint would be a second hint.
                // A name that does not decode is dropped too (Keycloak would refuse the request anyway).
                if (pair.isEmpty() || isIdpHint(name)) {
                    continue;
                }
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        return query.append(query.length() == 0 ? "" : "&")
                .append("kc_idp_hint=")
                .append(URLEncoder.encode(alias, StandardCharsets.UTF_8))
                .toString();
    }

    private static boolean isIdpHint(String rawName) {
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8).trim().equalsIgnoreCase("kc_idp_hint");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
