package io.github.b2bpack.password.strength.scoring;

import java.util.List;

/**
 * What the estimator concluded about one password: zxcvbn's 0–4 score, the log10 of the guesses it
 * estimates, and feedback as zxcvbn4j message keys (localized later by {@link FeedbackMessages}).
 *
 * @param score             0 (too guessable) … 4 (very unguessable), zxcvbn's scale
 * @param guessesLog10      log10 of the estimated number of guesses
 * @param warningKey        zxcvbn4j message key of the main warning, or {@code null}
 * @param suggestionKeys    zxcvbn4j message keys of the suggestions, possibly empty
 * @param scoredChars       how many characters of the password were scored (the rest is ignored)
 */
public record StrengthEstimate(
        int score, double guessesLog10, String warningKey, List<String> suggestionKeys, int scoredChars) {

    public StrengthEstimate {
        if (score < 0 || score > 4) {
            throw new IllegalArgumentException("score must be 0-4");
        }
        suggestionKeys = List.copyOf(suggestionKeys);
    }
}
