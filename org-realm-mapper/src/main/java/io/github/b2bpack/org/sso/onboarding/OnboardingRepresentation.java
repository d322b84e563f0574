package io.github.b2bpack.org.sso.onboarding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code onboarding} object of an SSO connection: the link the organization's IT administrator opens, once,
 * before {@code expired_at}. The link is in this answer only (the server keeps a hash of it), so the caller sends
 * it on or asks for a new one.
 *
 * @param url       the onboarding page, {@code /realms/<org realm>/b2bpack-sso-onboarding/<token>}
 * @param expiredAt epoch seconds, Cryptr's name
 */
@JsonPropertyOrder({"__type__", "__domain__", "__environment__", "sso_connection_id", "url", "expired_at", "state"})
public record OnboardingRepresentation(
        @JsonProperty("__domain__") String domain,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("sso_connection_id") String ssoConnectionId,
        @JsonProperty("url") String url,
        @JsonProperty("expired_at") long expiredAt) {

    public static final String TYPE = "Onboarding";

    @JsonProperty("__type__")
    public String type() {
        return TYPE;
    }

    /** Cryptr's onboarding states; a link just issued is always {@code sent} (it is not kept, so never reread). */
    @JsonProperty("state")
    public String state() {
        return "sent";
    }
}
