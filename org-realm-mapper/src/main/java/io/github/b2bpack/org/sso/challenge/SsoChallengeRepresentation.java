package io.github.b2bpack.org.sso.challenge;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Cryptr's {@code SsoChallenge}. {@code expired_at} is null: the URL itself holds nothing that expires; once opened,
 * the realm's login timeout bounds the login (documented in docs/org-realm-mapper.md, "SSO challenges").
 *
 * @param requestId the {@code state} the authorization URL carries
 * @param ssoConnectionId the identity provider's internal id
 */
@JsonPropertyOrder({
    "__type__",
    "__domain__",
    "__environment__",
    "authorization_url",
    "expired_at",
    "redirect_uri",
    "request_id",
    "sso_connection_id"
})
public record SsoChallengeRepresentation(
        @JsonProperty("__domain__") String domain,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("authorization_url") String authorizationUrl,
        @JsonProperty("expired_at") Long expiredAt,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("sso_connection_id") String ssoConnectionId) {

    public static final String TYPE = "SsoChallenge";

    @JsonProperty("__type__")
    public String type() {
        return TYPE;
    }
}
