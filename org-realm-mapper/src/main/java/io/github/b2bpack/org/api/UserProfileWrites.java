package io.github.b2bpack.org.api;

import io.github.b2bpack.org.userprofile.EmailDomainValidator;
import io.github.b2bpack.org.userprofile.ProfileDeclarations;
import io.github.b2bpack.org.users.ProfileClaim;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.messages.Messages;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Creates and changes users through Keycloak's user profile (context {@code USER_API}, as its own admin API
 * does), so every validator of the organization realm applies: the organization's email-domain rule,
 * duplicate email and username, lengths. Refusals become the pack's 4xx.
 */
final class UserProfileWrites {

    /** Columns of the user itself rather than attributes; the profile clears these on an empty value. */
    private static final java.util.Set<String> ROOT_ATTRIBUTES =
            java.util.Set.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME, UserModel.LAST_NAME);

    private final KeycloakSession session;
    private final RealmModel realm;

    UserProfileWrites(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A new user with these attributes ({@code username}, {@code email}, …; null values left out). */
    UserModel create(Map<String, String> attributes) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null) {
                values.put(name, List.of(value));
            }
        });
        return write(
                () -> profiles().create(UserProfileContext.USER_API, values).create());
    }

    /**
     * Applies {@code changes} (attribute → new value, null removes it) to the user. Every other attribute is
     * sent unchanged, so the profile leaves it alone. A partial profile update ignores an emptied custom
     * attribute (Keycloak removes attributes only in a full replace, which would also drop those this API does
     * not know), so cleared ones are removed from the user once the profile has validated the rest.
     */
    void update(UserModel user, Map<String, String> changes) {
        Map<String, List<String>> values = new HashMap<>();
        user.getAttributes().forEach((name, list) -> values.put(name, new ArrayList<>(list)));
        changes.forEach((name, value) -> values.put(name, value == null ? List.of() : List.of(value)));
        write(() -> {
            UserProfile profile = profiles().create(UserProfileContext.USER_API, values, user);
            profile.update(false);
            changes.forEach((name, value) -> {
                if (value == null && !ROOT_ATTRIBUTES.contains(name) && user.getFirstAttribute(name) != null) {
                    user.removeAttribute(name);
                }
            });
            return user;
        });
    }

    private UserProfileProvider profiles() {
        return session.getProvider(UserProfileProvider.class);
    }

    private UserModel write(java.util.function.Supplier<UserModel> action) {
        try {
            return ProfileDeclarations.inRealm(session, realm, action);
        } catch (ValidationException e) {
            throw refusal(e);
        } catch (ModelDuplicateException e) {
            throw new ErrorResponseException(
                    "user_exists", "a user with this email already exists", Response.Status.CONFLICT);
        }
    }

    /** 409 for a taken email or username, 400 {@code email_domain_not_allowed} for the organization's rule. */
    static ErrorResponseException refusal(ValidationException e) {
        if (e.hasError(Messages.EMAIL_EXISTS, Messages.USERNAME_EXISTS)) {
            return new ErrorResponseException(
                    "user_exists", "a user with this email already exists", Response.Status.CONFLICT);
        }
        if (e.hasError(EmailDomainValidator.MESSAGE, EmailDomainValidator.MESSAGE_NONE_VERIFIED)) {
            return ApiErrors.badRequest(
                    "email_domain_not_allowed", "the email is outside the organization's verified email domains");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationException.Error error : e.getErrors()) {
            problems.add(claimOf(error.getAttribute()) + ": " + error.getMessage());
        }
        return ApiErrors.badRequest("invalid_user", String.join("; ", problems));
    }

    /** The Cryptr name of a Keycloak attribute, for error messages. */
    private static String claimOf(String attribute) {
        for (ProfileClaim claim : ProfileClaim.values()) {
            if (claim.attribute().equals(attribute)) {
                return claim.claim();
            }
        }
        return attribute;
    }
}
