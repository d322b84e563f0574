package io.github.b2bpack.org.sso.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChallengeUrlTest {

    @Test
    void goesToTheRealmAuthorizationEndpointWithTheIdpHint() {
        assertEquals(
                "https://sso.example/realms/acme/protocol/openid-connect/auth?response_type=code&scope=openid"
                        + "&client_id=web%20app&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fa%3D1%26b%3D2"
                        + "&kc_idp_hint=b2bpack-sso&state=rid-1&login_hint=ada%2Btest%40acme.example",
                ChallengeUrl.of(
                        "https://sso.example",
                        "acme",
                        "web app",
                        "https://app.example/cb?a=1&b=2",
                        "ada+test@acme.example",
                        "rid-1"));
    }

    @Test
    void noLoginHintForAnOrganizationChallenge() {
        assertEquals(
                "https://sso.example/auth/realms/acme--sandbox/protocol/openid-connect/auth?response_type=code"
                        + "&scope=openid&client_id=web&redirect_uri=https%3A%2F%2Fapp.example%2F&kc_idp_hint=b2bpack-sso"
                        + "&state=r",
                ChallengeUrl.of(
                        "https://sso.example/auth/", "acme--sandbox", "web", "https://app.example/", null, "r"));
    }
}
