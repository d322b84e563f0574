package io.github.b2bpack.it.password.hashing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.io.IOException;
import java.util.List;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm of the argon2 ITs: a password policy, the public direct-grant client {@link #CLIENT}, users created with a
 * password or imported with a stored hash, and what their password credential holds.
 */
final class Argon2Realm {

    static final String CLIENT = "cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final OidcClient oidc;
    private final Keycloak admin;

    private Argon2Realm(Keycloak admin, String name) {
        this.admin = admin;
        this.name = name;
        this.oidc = new OidcClient(Fixtures.realmUrl(name));
    }

    /** Creates the realm under the password {@code policy}, with the client. */
    static Argon2Realm create(Keycloak admin, String name, String policy) {
        RealmRepresentation realm = Fixtures.enabledRealm(name);
        realm.setPasswordPolicy(policy);
        admin.realms().create(realm);
        admin.realm(name)
                .clients()
                .create(Fixtures.publicDirectGrantClient(CLIENT))
                .close();
        return new Argon2Realm(admin, name);
    }

    void remove() {
        admin.realm(name).remove();
    }

    void setPolicy(String policy) {
        RealmRepresentation realm = admin.realm(name).toRepresentation();
        realm.setPasswordPolicy(policy);
        admin.realm(name).update(realm);
    }

    /** A user with a verified email and the permanent {@code password}, hashed by the realm's policy; returns its id. */
    String createUser(String username, String password) {
        return Users.create(
                admin, name, Fixtures.userWithPassword(username, username + "@example.com", "Test", "User", password));
    }

    /** A user whose password credential is given as stored data, the way the admin API imports hashes. */
    String importUser(String username, StoredHash hash) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@example.com");
        user.setFirstName("Imported");
        user.setLastName("User");
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCredentialData(hash.credentialData());
        credential.setSecretData(hash.secretData());
        user.setCredentials(List.of(credential));
        return Users.create(admin, name, user);
    }

    /** The user's only password credential. */
    CredentialRepresentation passwordCredential(String userId) {
        return Users.passwordCredential(admin, name, userId);
    }

    /** The credential data (algorithm, iterations, parameters) of the user's password. */
    JsonNode credentialData(String userId) {
        try {
            return JSON.readTree(passwordCredential(userId).getCredentialData());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An Argon2id hash (version 1.3, 32 bytes) in the layout Keycloak stores for {@code argon2} and
     * {@code argon2-native}; {@code pepperId} null for none.
     */
    record StoredHash(
            String algorithm, int iterations, int memory, int parallelism, String pepperId, String salt, String hash) {

        String credentialData() {
            return "{\"hashIterations\":" + iterations + ",\"algorithm\":\"" + algorithm
                    + "\",\"additionalParameters\":{"
                    + "\"type\":[\"id\"],\"version\":[\"1.3\"],\"hashLength\":[\"32\"],\"memory\":[\"" + memory
                    + "\"],\"parallelism\":[\"" + parallelism + "\"]"
                    + (pepperId == null ? "" : ",\"pepperId\":[\"" + pepperId + "\"]") + "}}";
        }

        String secretData() {
            return "{\"value\":\"" + hash + "\",\"salt\":\"" + salt + "\",\"additionalParameters\":{}}";
        }
    }
}
