package io.github.b2bpack.sms.credential;

import io.github.b2bpack.sms.phone.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code sms-otp} credential: a verified phone. The full number sits in the secret data (which
 * the admin REST API never returns); the credential data and label hold only the masked number.
 */
public final class SmsOtpCredential {

    public static final String TYPE = "sms-otp";

    record Secret(String phone) {}

    record Data(String maskedPhone) {}

    private SmsOtpCredential() {}

    public static CredentialModel create(String e164, long createdAtMillis) {
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setCreatedDate(createdAtMillis);
        String masked = PhoneNumbers.mask(e164);
        model.setUserLabel(masked);
        try {
            model.setSecretData(JsonSerialization.writeValueAsString(new Secret(e164)));
            model.setCredentialData(JsonSerialization.writeValueAsString(new Data(masked)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model;
    }

    /**
     * Stores {@code e164} as the user's only phone (a re-enrollment replaces the old one): the step the enrollment
     * page and the headless enrollment share.
     */
    public static void replace(UserModel user, String e164, long createdAtMillis) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(TYPE)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.credentialManager().createStoredCredential(create(e164, createdAtMillis));
    }

    /** The E.164 number, or null when the stored data is unreadable. */
    public static String phone(CredentialModel model) {
        try {
            return JsonSerialization.readValue(model.getSecretData(), Secret.class)
                    .phone();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
