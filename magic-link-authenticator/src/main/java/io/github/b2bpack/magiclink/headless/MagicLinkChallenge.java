package io.github.b2bpack.magiclink.headless;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Cryptr's {@code MagicLinkChallenge} answer. {@code magic_link} and {@code code} are always null: the link goes to
 * the person's mailbox only (whoever calls the API must not be able to sign in as the user), and the code reaches
 * the application at its {@code redirect_uri}, exchanged at the token endpoint as in any authorization-code flow.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MagicLinkChallenge(
        @JsonProperty("__domain__") String domain,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("__type__") String type,
        @JsonProperty("code") String code,
        @JsonProperty("email_address") String emailAddress,
        @JsonProperty("find_or_create_user") boolean findOrCreateUser,
        @JsonProperty("magic_link") String magicLink,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("expires_in") int expiresIn) {

    static final String SANDBOX_SUFFIX = "--sandbox";

    /** The answer for realm {@code realmName} (an organization's realm: {@code <domain>} or {@code <domain>--sandbox}). */
    public static MagicLinkChallenge of(String realmName, String email, String requestId, int expiresIn) {
        boolean sandbox = realmName.endsWith(SANDBOX_SUFFIX);
        String domain = sandbox ? realmName.substring(0, realmName.length() - SANDBOX_SUFFIX.length()) : realmName;
        return new MagicLinkChallenge(
                domain,
                sandbox ? "sandbox" : "production",
                "MagicLinkChallenge",
                null,
                email,
                false,
                null,
                requestId,
                expiresIn);
    }
}
