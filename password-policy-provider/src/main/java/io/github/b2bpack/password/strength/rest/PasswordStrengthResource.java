package io.github.b2bpack.password.strength.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.password.strength.policy.ZxcvbnPasswordPolicyProvider;
import io.github.b2bpack.password.strength.policy.ZxcvbnPasswordPolicyProviderFactory;
import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import io.github.b2bpack.password.strength.scoring.FeedbackMessages;
import io.github.b2bpack.password.strength.scoring.StrengthEstimate;
import io.github.b2bpack.password.strength.scoring.UserInputs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

/**
 * {@code POST /realms/{realm}/password-strength}: checks a password against the realm's own
 * password policy without creating anything, for sign-up forms and the login theme's live meter.
 * Anonymous, so it is rate-limited per client IP and never logs or echoes what it was sent.
 */
public final class PasswordStrengthResource {

    /** Message key of the breached-password policy ({@code hibp}, module hibp-policy). */
    static final String BREACHED_MESSAGE_KEY = "b2bpackPasswordBreached";

    static final String HIBP_POLICY_ID = "hibp";
    /** Session attribute the hibp policy leaves behind: clean, breached or unknown (its OUTCOME_ATTRIBUTE). */
    static final String HIBP_OUTCOME_ATTRIBUTE = "b2bpack.hibp.outcome";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RateLimitSettings settings;
    private final BoundedStrengthEstimator estimator;

    PasswordStrengthResource(KeycloakSession session, RateLimitSettings settings, BoundedStrengthEstimator estimator) {
        this.session = session;
        this.settings = settings;
        this.estimator = estimator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(InputStream body) {
        ClientRateLimiter limiter =
                new ClientRateLimiter(session.getProvider(SingleUseObjectProvider.class), settings, Time.currentTime());
        if (!limiter.tryAcquire(clientIp())) {
            return error(429, "too_many_requests", "Too many strength checks from this address; retry later")
                    .header("Retry-After", limiter.secondsUntilReset())
                    .build();
        }
        byte[] bytes;
        try {
            bytes = readAtMost(body, settings.maxBodyBytes());
        } catch (IOException e) {
            return error(400, "invalid_request", "the body could not be read").build();
        }
        if (bytes == null) {
            return error(413, "request_too_large", "the body is larger than " + settings.maxBodyBytes() + " bytes")
                    .build();
        }
        StrengthCheckRequest request;
        try {
            request = StrengthCheckRequest.parse(bytes);
        } catch (StrengthCheckRequest.InvalidRequest e) {
            return error(400, "invalid_request", e.getMessage()).build();
        }
        return json(200, evaluate(request)).build();
    }

    /** What the meter needs to know up front: which policy scores passwords and the minimum score. */
    @GET
    @Path("policy")
    @Produces(MediaType.APPLICATION_JSON)
    public Response policy() {
        PasswordPolicy policy = session.getContext().getRealm().getPasswordPolicy();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("strength_policy", strengthPolicy(policy));
        answer.put(
                "min_score",
                policy.getPolicies().contains(ZxcvbnPasswordPolicyProviderFactory.ID)
                        ? policy.getPolicyConfig(ZxcvbnPasswordPolicyProviderFactory.ID)
                        : null);
        return json(200, answer).build();
    }

    private StrengthCheckResponse evaluate(StrengthCheckRequest request) {
        RealmModel realm = session.getContext().getRealm();
        UserInputs inputs = UserInputs.none()
                .username(request.username())
                .email(request.email())
                .firstName(request.firstName())
                .lastName(request.lastName())
                .realmName(realm.getName());
        // The zxcvbn policy, run by the policy manager below, reads the same user data from here.
        session.setAttribute(ZxcvbnPasswordPolicyProvider.USER_INPUTS_ATTRIBUTE, inputs);
        Locale locale = locale();

        StrengthEstimate estimate = estimator.estimate(request.password(), inputs);
        FeedbackMessages.LocalizedFeedback feedback = FeedbackMessages.localize(estimate, locale);

        String user = request.username() != null ? request.username() : request.email();
        session.removeAttribute(HIBP_OUTCOME_ATTRIBUTE);
        PolicyError error =
                session.getProvider(PasswordPolicyManagerProvider.class).validate(user, request.password());
        PasswordPolicy policy = realm.getPasswordPolicy();
        boolean breached = error != null && BREACHED_MESSAGE_KEY.equals(error.getMessage());
        if (error != null && !breached && policy.getPolicies().contains(HIBP_POLICY_ID)) {
            // The manager stops at the first refusal; ask the breach policy itself.
            PasswordPolicyProvider hibp = session.getProvider(PasswordPolicyProvider.class, HIBP_POLICY_ID);
            PolicyError breach = hibp == null ? null : hibp.validate(user, request.password());
            breached = breach != null && BREACHED_MESSAGE_KEY.equals(breach.getMessage());
        }
        return new StrengthCheckResponse(
                error == null,
                estimate.score(),
                strengthPolicy(policy),
                breached,
                new StrengthCheckResponse.Feedback(feedback.warning(), feedback.suggestions()),
                error == null
                        ? null
                        : new StrengthCheckResponse.PolicyMessage(error.getMessage(), format(error, locale)),
                breachCheck(policy, breached));
    }

    /**
     * {@code breached}, {@code clean} or {@code unknown} (the breach check had no answer: range API down,
     * or the server's upstream budget spent, which anonymous callers can exhaust); {@code null} without
     * the hibp policy. "unknown" is why breached_password false is not proof of "not breached".
     */
    private String breachCheck(PasswordPolicy policy, boolean breached) {
        if (!policy.getPolicies().contains(HIBP_POLICY_ID)) {
            return null;
        }
        if (breached) {
            return "breached";
        }
        Object outcome = session.getAttribute(HIBP_OUTCOME_ATTRIBUTE);
        return outcome instanceof String text ? text : "unknown";
    }

    private static String strengthPolicy(PasswordPolicy policy) {
        return policy.getPolicies().contains(ZxcvbnPasswordPolicyProviderFactory.ID) ? "zxcvbn" : "luds";
    }

    /** A policy error in the login theme's words, as the registration page would show it. */
    private String format(PolicyError error, Locale locale) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(session.getContext().getRealm(), locale);
            String pattern = messages.getProperty(error.getMessage(), error.getMessage());
            return new MessageFormat(pattern, locale).format(error.getParameters());
        } catch (IOException | IllegalArgumentException e) {
            return error.getMessage();
        }
    }

    private Locale locale() {
        try {
            Locale locale = session.getContext().resolveLocale(null);
            return locale == null ? Locale.ENGLISH : locale;
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    private String clientIp() {
        String address = session.getContext().getConnection().getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    /** The body, or {@code null} when it is longer than {@code max} bytes (reading stops there). */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static Response.ResponseBuilder error(int status, String code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return json(status, body);
    }

    private static Response.ResponseBuilder json(int status, Object body) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .entity(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }
}
