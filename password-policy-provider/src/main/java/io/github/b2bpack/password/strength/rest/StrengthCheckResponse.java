package io.github.b2bpack.password.strength.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer, shaped like Stytch's {@code strength_check}: the realm's verdict, zxcvbn's score and
 * feedback in the caller's language, and whether the breached-password policy refused it.
 *
 * @param validPassword    the realm's whole password policy accepts it
 * @param score            zxcvbn score 0–4, lowered by the username and email sent
 * @param strengthPolicy   {@code zxcvbn} when the realm's policy has the zxcvbn policy, else {@code luds}
 * @param breachedPassword the realm's {@code hibp} policy refused it (always false without that policy)
 * @param feedback         zxcvbn's warning and suggestions (empty once the score is good enough)
 * @param policyError      the first policy that refused the password, or {@code null}
 * @param breachCheck      {@code breached}, {@code clean} or {@code unknown} (no answer from the breach check);
 *                         {@code null} when the realm has no {@code hibp} policy
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StrengthCheckResponse(
        @JsonProperty("valid_password") boolean validPassword,
        @JsonProperty("score") int score,
        @JsonProperty("strength_policy") String strengthPolicy,
        @JsonProperty("breached_password") boolean breachedPassword,
        @JsonProperty("feedback") Feedback feedback,
        @JsonProperty("policy_error") PolicyMessage policyError,
        @JsonProperty("breach_check") String breachCheck) {

    public record Feedback(
            @JsonProperty("warning") String warning,
            @JsonProperty("suggestions") List<String> suggestions) {}

    /** A refusing policy's message key and its text in the caller's language. */
    public record PolicyMessage(
            @JsonProperty("message_key") String messageKey,
            @JsonProperty("message") String message) {}
}
