package io.github.b2bpack.password.legacy;

/** {@code md5}: imported MD5 digests, unsalted or salted before or after the password. */
public final class Md5PasswordHashProviderFactory extends SaltedDigestPasswordHashProviderFactory {

    public static final String ID = "md5";

    public Md5PasswordHashProviderFactory() {
        super(ID, "MD5");
    }
}
