package io.github.b2bpack.org.userprofile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Writes an organization's verified email domains into the user profile of one of its realms, as an
 * {@link EmailDomainValidator} on the {@code email} attribute, or removes the validator when the
 * organization claims no domain at all. An organization whose claims are all still pending gets the
 * validator with an empty list, which accepts no address: a claim restricts the realm at once, and
 * only a proven domain opens it. Keycloak enforces it on every path that validates the user profile.
 */
public final class EmailDomainRule {

    private EmailDomainRule() {}

    public static void apply(
            KeycloakSession session, RealmModel realm, List<String> claimedDomains, List<String> verifiedDomains) {
        RealmModel previous = session.getContext().getRealm();
        // The user-profile provider works on the context realm.
        session.getContext().setRealm(realm);
        try {
            UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
            UPConfig config = profiles.getConfiguration();
            UPAttribute email = config.getAttribute(UserModel.EMAIL);
            if (email == null) {
                return;
            }
            Map<String, Map<String, Object>> validations =
                    email.getValidations() == null ? new HashMap<>() : new HashMap<>(email.getValidations());
            if (claimedDomains.isEmpty()) {
                validations.remove(EmailDomainValidator.ID);
            } else {
                validations.put(
                        EmailDomainValidator.ID,
                        Map.of(EmailDomainValidator.CONFIG_DOMAINS, List.copyOf(verifiedDomains)));
            }
            email.setValidations(validations);
            profiles.setConfiguration(config);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    /**
     * The domains the realm's email validator accepts now, or empty when the realm has no such rule (an
     * organization without claimed domains). Read for callers that must refuse an address before it reaches the
     * user profile with their own error shape (the SCIM endpoint's {@code invalidValue}); the validator stays the
     * rule on every other path.
     */
    public static Optional<List<String>> allowed(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            UPAttribute email = session.getProvider(UserProfileProvider.class)
                    .getConfiguration()
                    .getAttribute(UserModel.EMAIL);
            if (email == null
                    || email.getValidations() == null
                    || !email.getValidations().containsKey(EmailDomainValidator.ID)) {
                return Optional.empty();
            }
            Object domains =
                    email.getValidations().get(EmailDomainValidator.ID).get(EmailDomainValidator.CONFIG_DOMAINS);
            return Optional.of(EmailDomainValidator.allowedDomains(org.keycloak.validate.ValidatorConfig.builder()
                    .config(EmailDomainValidator.CONFIG_DOMAINS, domains)
                    .build()));
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
