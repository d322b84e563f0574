package io.github.b2bpack.org.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The anonymous {@code /realms/master/org-login} carries the caller's query string over to the chosen
 * realm's authorization endpoint. Input: the first line a realm name, the rest a query string. For
 * every query that a request URI can hold (the server parsed it before it reaches us), the redirect is
 * this server's endpoint of that realm, with the query carried verbatim, and never throws.
 * Seeds: {@code AuthorizationRedirectFuzzTestInputs/query}.
 */
class AuthorizationRedirectFuzzTest {

    private static final URI BASE = URI.create("https://sso.example.com/");

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void query(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String realm = newline < 0 ? "acme" : text.substring(0, newline);
        String query = newline < 0 ? text : text.substring(newline + 1);
        if (realm.isEmpty()) {
            return;
        }
        String requestQuery;
        try {
            requestQuery = new URI("https://sso.example.com/realms/master/org-login?" + query).getRawQuery();
        } catch (URISyntaxException | IllegalArgumentException notARequest) {
            return;
        }
        URI target = AuthorizationRedirect.to(BASE, realm, requestQuery);
        assertEquals("sso.example.com", target.getHost());
        assertTrue(
                target.getRawPath().startsWith("/realms/")
                        && target.getRawPath().endsWith("/protocol/openid-connect/auth"),
                "path " + target.getRawPath());
        assertEquals(
                realm,
                target.getPath()
                        .substring(
                                "/realms/".length(),
                                target.getPath().length() - "/protocol/openid-connect/auth".length()));
        assertEquals(requestQuery == null || requestQuery.isEmpty() ? null : requestQuery, target.getRawQuery());
    }
}
