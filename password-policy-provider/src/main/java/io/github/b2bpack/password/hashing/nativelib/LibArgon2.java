package io.github.b2bpack.password.hashing.nativelib;

import com.sun.jna.Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_type;

/** The two libargon2 functions argon2-native calls (argon2.h), bound to whichever build was loaded. */
public interface LibArgon2 extends Library {

    int argon2_ctx(Argon2_context.ByReference context, Argon2_type type);

    String argon2_error_message(int errorCode);
}
