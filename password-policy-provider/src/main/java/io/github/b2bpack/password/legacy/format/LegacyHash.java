package io.github.b2bpack.password.legacy.format;

/** An imported hash, parsed and within the caps, that checks passwords in constant time. */
public interface LegacyHash {

    /** Whether the password hashes to this hash; never throws for any password, however hostile. */
    boolean matches(String password);
}
