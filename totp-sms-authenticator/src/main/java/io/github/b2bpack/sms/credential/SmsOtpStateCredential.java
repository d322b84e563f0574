package io.github.b2bpack.sms.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * {@code b2bpack-sms-state}: per-user counters that must outlive the phone and recovery-code credentials
 * and must not be the user's to edit: completed enrollments since the last admin reset, and the last
 * recovery-code login. Kept as a stored credential of a type no credential provider declares, so the
 * account console and the account REST API neither list nor change it (user attributes can be made
 * user-editable by a realm's user profile); admins see it in the user's credentials.
 */
public final class SmsOtpStateCredential {

    public static final String TYPE = "b2bpack-sms-state";

    /** {@code lastRecoveryAt} in epoch ms, null when no recovery code was ever used. */
    public record State(int enrollments, Long lastRecoveryAt) {
        public static final State EMPTY = new State(0, null);

        public State {
            enrollments = Math.max(0, enrollments);
        }

        public State withEnrollments(int n) {
            return new State(n, lastRecoveryAt);
        }

        public State withLastRecoveryAt(long at) {
            return new State(enrollments, at);
        }
    }

    private SmsOtpStateCredential() {}

    public static CredentialModel create(State state, long nowMillis) {
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setCreatedDate(nowMillis);
        model.setUserLabel("SMS enrollment counters");
        model.setSecretData("{}");
        write(model, state);
        return model;
    }

    public static void write(CredentialModel model, State state) {
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored counters; unreadable data counts as the most restrictive state still sensible (none used). */
    public static State read(CredentialModel model) {
        try {
            State state = JsonSerialization.readValue(model.getCredentialData(), State.class);
            return state == null ? State.EMPTY : state;
        } catch (IOException | RuntimeException e) {
            return State.EMPTY;
        }
    }
}
