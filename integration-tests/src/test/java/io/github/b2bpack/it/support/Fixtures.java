package io.github.b2bpack.it.support;

import io.github.b2bpack.it.TestServer;
import java.util.List;
import java.util.Set;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Representations the ITs build again and again; callers adjust what their test needs before creating them. */
public final class Fixtures {

    private Fixtures() {}

    /** An enabled realm with nothing else set. */
    public static RealmRepresentation enabledRealm(String name) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        return realm;
    }

    /** An enabled realm whose user and admin events (with representations) reach the {@code webhooks} listener. */
    public static RealmRepresentation webhookRealm(String name) {
        RealmRepresentation realm = enabledRealm(name);
        realm.setEventsListeners(List.of("jboss-logging", "webhooks"));
        realm.setAdminEventsEnabled(true);
        realm.setAdminEventsDetailsEnabled(true);
        return realm;
    }

    /** An enabled realm offering {@code locales}, the first one its default. */
    public static RealmRepresentation localizedRealm(String name, String... locales) {
        RealmRepresentation realm = enabledRealm(name);
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(Set.of(locales));
        realm.setDefaultLocale(locales[0]);
        return realm;
    }

    /** A realm in English, French and German where anyone may register, under the password {@code policy}. */
    public static RealmRepresentation registrationRealm(String name, String policy) {
        RealmRepresentation realm = localizedRealm(name, "en", "fr", "de");
        realm.setRegistrationAllowed(true);
        realm.setPasswordPolicy(policy);
        return realm;
    }

    /** For example {@code https://localhost:8443/realms/acme}. */
    public static String realmUrl(String realm) {
        return TestServer.BASE_URL + "/realms/" + realm;
    }

    /** A page of the realm a browser client may be sent back to after login (its OpenID discovery document). */
    public static String redirectUri(String realm) {
        return realmUrl(realm) + "/.well-known/openid-configuration";
    }

    /** A public client allowed the password grant (direct-grant logins from the test JVM). */
    public static ClientRepresentation publicDirectGrantClient(String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        return client;
    }

    /** A public client for browser logins (authorization code flow) that may redirect anywhere into its realm. */
    public static ClientRepresentation browserClient(String clientId, String realm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(realmUrl(realm) + "/*"));
        return client;
    }

    /** A {@link #browserClient} also allowed the password grant. */
    public static ClientRepresentation browserAndDirectGrantClient(String clientId, String realm) {
        ClientRepresentation client = browserClient(clientId, realm);
        client.setDirectAccessGrantsEnabled(true);
        return client;
    }

    /** An enabled user with a verified email and a permanent password. */
    public static UserRepresentation userWithPassword(
            String username, String email, String firstName, String lastName, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setCredentials(List.of(password(password)));
        return user;
    }

    /** A permanent (not temporary) password credential, for a new user or an admin reset. */
    public static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }
}
