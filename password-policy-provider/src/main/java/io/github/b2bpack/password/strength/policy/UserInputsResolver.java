package io.github.b2bpack.password.strength.policy;

import io.github.b2bpack.password.strength.scoring.UserInputs;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Finds the user's own data for a policy check. Keycloak hands password policies either a
 * {@link UserModel} (admin REST, update-password page) or only a username or email (registration),
 * so on registration the first and last name and email are read from the submitted form. The
 * password-strength endpoint passes what its caller sent through a session attribute.
 */
final class UserInputsResolver {

    private static final String SESSION_ATTRIBUTE = ZxcvbnPasswordPolicyProvider.USER_INPUTS_ATTRIBUTE;

    private UserInputsResolver() {}

    static UserInputs forUser(KeycloakSession session, RealmModel realm, UserModel user) {
        UserInputs handedOver = session.getAttribute(SESSION_ATTRIBUTE, UserInputs.class);
        if (handedOver != null) {
            return handedOver;
        }
        UserInputs inputs = UserInputs.none().realmName(realm == null ? null : realm.getName());
        if (user != null) {
            inputs.username(user.getUsername())
                    .email(user.getEmail())
                    .firstName(user.getFirstName())
                    .lastName(user.getLastName());
        }
        return inputs;
    }

    static UserInputs forUsernameOrEmail(KeycloakSession session, RealmModel realm, String usernameOrEmail) {
        UserInputs handedOver = session.getAttribute(SESSION_ATTRIBUTE, UserInputs.class);
        if (handedOver != null) {
            return handedOver;
        }
        UserInputs inputs = UserInputs.none().realmName(realm == null ? null : realm.getName());
        if (usernameOrEmail != null && usernameOrEmail.indexOf('@') > 0) {
            inputs.email(usernameOrEmail);
        } else {
            inputs.username(usernameOrEmail);
        }
        MultivaluedMap<String, String> form = submittedForm(session);
        if (form != null) {
            inputs.username(form.getFirst("username"))
                    .email(form.getFirst("email"))
                    .firstName(form.getFirst("firstName"))
                    .lastName(form.getFirst("lastName"));
        }
        return inputs;
    }

    /** The current request's form fields, or {@code null} outside a form POST (admin REST, JSON, no request). */
    private static MultivaluedMap<String, String> submittedForm(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !"POST".equals(request.getHttpMethod())) {
            return null;
        }
        MediaType type = request.getHttpHeaders() == null
                ? null
                : request.getHttpHeaders().getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return null;
        }
        return request.getDecodedFormParameters();
    }
}
