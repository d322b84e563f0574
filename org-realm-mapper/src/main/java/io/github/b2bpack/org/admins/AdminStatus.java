package io.github.b2bpack.org.admins;

import java.util.Locale;

/**
 * Where an invitation stands, read from its timestamps only: an answered invitation is never pending again,
 * and the later of accept and decline wins (a decline after an accept cannot happen through the link, which is
 * single use, but an operator may have edited the attributes).
 */
public enum AdminStatus {
    /** Invited, not answered: the link works until it expires. */
    PENDING,
    /** Accepted: holds the organization admin roles. */
    ACCEPTED,
    /** Declined: holds no role; a new invitation may be sent. */
    DECLINED;

    /** The status of these timestamps (epoch millis, null when not set). */
    public static AdminStatus of(Long acceptedAt, Long declinedAt) {
        if (acceptedAt == null && declinedAt == null) {
            return PENDING;
        }
        if (declinedAt == null) {
            return ACCEPTED;
        }
        if (acceptedAt == null) {
            return DECLINED;
        }
        return acceptedAt >= declinedAt ? ACCEPTED : DECLINED;
    }

    /** Whether a new invitation to this address is a conflict (409): it is already admin or already invited. */
    public boolean blocksNewInvitation() {
        return this != DECLINED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
