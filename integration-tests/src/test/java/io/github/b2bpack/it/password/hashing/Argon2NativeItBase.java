package io.github.b2bpack.it.password.hashing;

import io.github.b2bpack.it.support.OidcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;

/**
 * What the {@code argon2-native} ITs share: for each test a fresh {@link Argon2Realm} under
 * {@code hashAlgorithm(argon2-native)}, removed after it, and its token endpoint. The test framework injects into
 * the inherited field.
 */
abstract class Argon2NativeItBase {

    static final String CLIENT = Argon2Realm.CLIENT;

    @InjectAdminClient
    Keycloak admin;

    Argon2Realm realm;
    OidcClient oidc;

    private final String realmName;

    Argon2NativeItBase(String realmName) {
        this.realmName = realmName;
    }

    @BeforeEach
    void createArgon2NativeRealm() {
        realm = Argon2Realm.create(admin, realmName, "hashAlgorithm(argon2-native)");
        oidc = realm.oidc;
    }

    @AfterEach
    void removeArgon2NativeRealm() {
        realm.remove();
    }
}
