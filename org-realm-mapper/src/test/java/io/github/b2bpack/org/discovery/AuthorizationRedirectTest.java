package io.github.b2bpack.org.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AuthorizationRedirectTest {

    @Test
    void keepsTheQueryVerbatim() {
        URI target = AuthorizationRedirect.to(
                URI.create("http://localhost:8080/"),
                "acme",
                "client_id=app&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=a%20b&login_hint=bob%40acme.com");
        assertEquals(
                "http://localhost:8080/realms/acme/protocol/openid-connect/auth"
                        + "?client_id=app&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=a%20b&login_hint=bob%40acme.com",
                target.toString());
    }

    @Test
    void staysOnTheServerBase() {
        URI target = AuthorizationRedirect.to(URI.create("https://sso.example.com/auth/"), "acme", null);
        assertEquals("https://sso.example.com/auth/realms/acme/protocol/openid-connect/auth", target.toString());
    }

    @Test
    void theIdpHintOfAnActiveSsoConnectionReplacesTheCallersOwn() {
        assertEquals("kc_idp_hint=b2bpack-sso", AuthorizationRedirect.withIdpHint(null, "b2bpack-sso"));
        assertEquals(
                "client_id=app&login_hint=a%40b.example&kc_idp_hint=b2bpack-sso",
                AuthorizationRedirect.withIdpHint(
                        "client_id=app&kc_idp_hint=evil&login_hint=a%40b.example&KC_IDP_HINT=x&kc%5Fidp%5Fhint=y",
                        "b2bpack-sso"));
        // Attack (review of 2026-12-07): other spellings Keycloak decodes into a second, earlier kc_idp_hint.
        assertEquals(
                "client_id=app&kc_idp_hint=b2bpack-sso",
                AuthorizationRedirect.withIdpHint(
                        "client_id=app&kc_idp%5Fhint=x&%6Bc_idp_hint=y&kc_idp_hint%20=z&kc%5fidp%5fhint=w&%zz=bad",
                        "b2bpack-sso"));
        // Second review: Vert.x splits on ';' too, so a hint behind one was kept inside "client_id=app;…".
        assertEquals(
                "client_id=app&login_hint=a&kc_idp_hint=b2bpack-sso",
                AuthorizationRedirect.withIdpHint("client_id=app;kc_idp_hint=x&login_hint=a", "b2bpack-sso"));
    }
}
