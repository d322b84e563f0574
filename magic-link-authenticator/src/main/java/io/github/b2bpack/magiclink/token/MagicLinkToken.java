package io.github.b2bpack.magiclink.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The magic link's token. The user, expiry, email and nonce are Keycloak's action-token fields; the browser binding
 * is Keycloak's {@code asid} (the authentication session that asked) plus {@code b2bpack_bound}. The authorization
 * request's parameters ({@code b2bpack_oidc}: redirect_uri, state, scope, nonce, PKCE challenge …, no secret) travel
 * along so that an unbound link opened in another browser finishes the same OIDC request there.
 */
public final class MagicLinkToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "b2bpack-magic-link";

    /**
     * The authorization request's client notes an unbound link carries (none of them a secret: the PKCE verifier
     * stays with the application, only its challenge travels).
     */
    public static final java.util.List<String> OIDC_NOTES = java.util.List.of(
            "redirect_uri",
            "response_type",
            "response_mode",
            "scope",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method",
            "ui_locales");

    @JsonProperty("b2bpack_bound")
    private boolean bound;

    @JsonProperty("b2bpack_oidc")
    private Map<String, String> oidc;

    public MagicLinkToken(
            String userId,
            int expiresAt,
            String email,
            String clientId,
            String compoundAuthSessionId,
            boolean bound,
            Map<String, String> oidc) {
        super(userId, TOKEN_TYPE, expiresAt, UUID.randomUUID(), compoundAuthSessionId);
        setEmail(email);
        this.issuedFor = clientId;
        this.bound = bound;
        this.oidc = oidc;
    }

    /** For Jackson. */
    private MagicLinkToken() {}

    public boolean isBound() {
        return bound;
    }

    public Map<String, String> getOidc() {
        return oidc == null ? Map.of() : oidc;
    }
}
