package io.github.b2bpack.webhook.recover;

/**
 * Why a recover request or a time filter is refused, as the API answers it with {@code 400}.
 *
 * @param error       the {@code error} code: {@code invalid_request} or {@code window_too_large}
 * @param description the {@code error_description}, naming the limit so the operator knows what to send instead
 */
public record RecoverProblem(String error, String description) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String WINDOW_TOO_LARGE = "window_too_large";

    static RecoverProblem invalid(String description) {
        return new RecoverProblem(INVALID_REQUEST, description);
    }
}
