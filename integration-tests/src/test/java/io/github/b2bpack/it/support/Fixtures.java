package io.github.b2bpack.it.support;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;

/** Representations the ITs build again and again; callers adjust what their test needs before creating them. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A public client allowed the password grant (direct-grant logins from the test JVM). */
    public static ClientRepresentation publicDirectGrantClient(String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        return client;
    }

    /** An enabled user with a verified email and a permanent password. */
    public static UserRepresentation userWithPassword(String username, String email, String firstName, String lastName,
                                                      String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmailVerified(true);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        return user;
    }
}
