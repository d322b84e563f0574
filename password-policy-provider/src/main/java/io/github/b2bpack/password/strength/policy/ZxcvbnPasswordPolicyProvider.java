package io.github.b2bpack.password.strength.policy;

import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import io.github.b2bpack.password.strength.scoring.FeedbackMessages;
import io.github.b2bpack.password.strength.scoring.StrengthEstimate;
import io.github.b2bpack.password.strength.scoring.UserInputs;
import java.util.Locale;
import org.keycloak.Token;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.representations.AccessToken;

/**
 * Rejects a password whose zxcvbn score, lowered by the user's own data, is below the realm's
 * minimum. The error carries zxcvbn's warning and suggestions in the user's language as parameters
 * of {@value #ERROR_MESSAGE_KEY}: {@code {0}} score, {@code {1}} minimum, {@code {2}} feedback text.
 */
public final class ZxcvbnPasswordPolicyProvider implements PasswordPolicyProvider {

    public static final String ERROR_MESSAGE_KEY = "b2bpackPasswordTooWeak";
    /**
     * Session attribute (a {@link UserInputs}) through which a caller that knows more about the user
     * than Keycloak passes to policies, such as the password-strength endpoint, hands it over.
     */
    public static final String USER_INPUTS_ATTRIBUTE = "b2bpack.zxcvbn.user-inputs";

    private final KeycloakSession session;
    private final BoundedStrengthEstimator estimator;

    ZxcvbnPasswordPolicyProvider(KeycloakSession session, BoundedStrengthEstimator estimator) {
        this.session = session;
        this.estimator = estimator;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return check(realm, user, UserInputsResolver.forUser(session, realm, user), password);
    }

    @Override
    public PolicyError validate(String usernameOrEmail, String password) {
        RealmModel realm = session.getContext().getRealm();
        return check(realm, null, UserInputsResolver.forUsernameOrEmail(session, realm, usernameOrEmail), password);
    }

    private PolicyError check(RealmModel realm, UserModel user, UserInputs inputs, String password) {
        if (realm == null || password == null) {
            return null;
        }
        Integer configured = realm.getPasswordPolicy().getPolicyConfig(ZxcvbnPasswordPolicyProviderFactory.ID);
        int minimum = configured == null ? MinimumScore.DEFAULT : configured;
        StrengthEstimate estimate = estimator.estimate(password, inputs);
        if (estimate.score() >= minimum) {
            return null;
        }
        String feedback = FeedbackMessages.localize(estimate, locale(user)).asText();
        return new PolicyError(ERROR_MESSAGE_KEY, estimate.score(), minimum, feedback);
    }

    /**
     * The language of the feedback: the one the surrounding message is worded in. Login pages use the
     * user's (Keycloak's locale selection); the admin REST API words its errors in the admin's, from
     * the admin token's {@code locale} claim, else English. Checks outside a request (realm import)
     * use English.
     */
    private Locale locale(UserModel user) {
        try {
            KeycloakContext context = session.getContext();
            if (isAdminRequest(context)) {
                Token token = context.getBearerToken();
                String tag = token instanceof AccessToken access ? access.getLocale() : null;
                return tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
            }
            Locale locale = context.resolveLocale(user);
            return locale == null ? Locale.ENGLISH : locale;
        } catch (RuntimeException noRequest) {
            return Locale.ENGLISH;
        }
    }

    private static boolean isAdminRequest(KeycloakContext context) {
        return context.getUri() != null && ("/" + context.getUri().getPath()).contains("/admin/realms/");
    }

    @Override
    public Object parseConfig(String value) {
        return MinimumScore.parse(value);
    }

    @Override
    public void close() {}
}
