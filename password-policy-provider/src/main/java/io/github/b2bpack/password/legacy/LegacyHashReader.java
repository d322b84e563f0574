package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.format.HashRejected;
import io.github.b2bpack.password.legacy.format.LegacyHash;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Reads one kind of imported credential into a hash that checks passwords. */
@FunctionalInterface
interface LegacyHashReader {

    /** @throws HashRejected when the stored credential is malformed or exceeds the configured cost caps */
    LegacyHash read(PasswordCredentialModel credential) throws HashRejected;
}
