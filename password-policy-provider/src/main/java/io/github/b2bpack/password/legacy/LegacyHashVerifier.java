package io.github.b2bpack.password.legacy;

import org.keycloak.models.credential.PasswordCredentialModel;

import io.github.b2bpack.password.legacy.format.HashRejected;

/** Checks a password against one kind of imported credential. */
@FunctionalInterface
interface LegacyHashVerifier {

    /**
     * @return whether the password matches
     * @throws HashRejected when the stored credential is malformed or exceeds the configured cost caps
     */
    boolean verify(String password, PasswordCredentialModel credential) throws HashRejected;
}
