package io.github.b2bpack.password.legacy;

/** {@code sha1}: imported SHA-1 digests, unsalted or salted before or after the password. */
public final class Sha1PasswordHashProviderFactory extends SaltedDigestPasswordHashProviderFactory {

    public static final String ID = "sha1";

    public Sha1PasswordHashProviderFactory() {
        super(ID, "SHA-1");
    }
}
