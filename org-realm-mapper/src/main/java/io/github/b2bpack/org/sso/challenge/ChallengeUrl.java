package io.github.b2bpack.org.sso.challenge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The authorization URL of an SSO challenge: the organization realm's own OIDC authorization endpoint with
 * {@code kc_idp_hint} naming the SSO connection, so Keycloak skips its login page and sends the browser straight
 * to the organization's identity provider. {@code state} is the challenge's {@code request_id}, which the
 * application compares on its callback; PKCE parameters ({@code code_challenge}, {@code code_challenge_method})
 * are the application's to add, as it alone keeps the verifier.
 */
public final class ChallengeUrl {

    public static final String IDP_ALIAS = "b2bpack-sso";

    private ChallengeUrl() {}

    /**
     * @param serverBase  this server's base URL (from the request context, never from input), e.g. {@code https://sso.example/}
     * @param realm       the organization realm, from the organization index
     * @param clientId    a client of that realm for which {@code redirectUri} was verified
     * @param redirectUri the verified redirect URI
     * @param loginHint   the user's email or null
     * @param state       the challenge's request id
     */
    public static String of(
            String serverBase, String realm, String clientId, String redirectUri, String loginHint, String state) {
        String base = serverBase.endsWith("/") ? serverBase : serverBase + "/";
        StringBuilder url = new StringBuilder(base)
                .append("realms/")
                .append(enc(realm))
                .append("/protocol/openid-connect/auth?response_type=code&scope=openid")
                .append("&client_id=")
                .append(enc(clientId))
                .append("&redirect_uri=")
                .append(enc(redirectUri))
                .append("&kc_idp_hint=")
                .append(IDP_ALIAS)
                .append("&state=")
                .append(enc(state));
        if (loginHint != null) {
            url.append("&login_hint=").append(enc(loginHint));
        }
        return url.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
