package io.github.b2bpack.org.sso.onboarding;

/**
 * Input of the onboarding form that is refused; the page shows the message of {@link #messageKey()} (a
 * {@code b2bpackSsoOnboarding…} key of the theme's bundles) above the form and saves nothing.
 */
public final class OnboardingRefusal extends RuntimeException {

    private final String messageKey;

    public OnboardingRefusal(String messageKey, String detail) {
        super(detail, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
