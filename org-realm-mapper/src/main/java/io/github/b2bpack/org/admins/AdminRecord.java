package io.github.b2bpack.org.admins;

/**
 * One administrator's invitation timestamps (epoch millis; null when it did not happen).
 *
 * @param createdByInvitation whether the invitation created the user (deleting an unanswered one deletes it)
 */
public record AdminRecord(
        long invitedAt, Long acceptedAt, Long declinedAt, Long lastLoginAt, boolean createdByInvitation) {

    public AdminStatus status() {
        return AdminStatus.of(acceptedAt, declinedAt);
    }
}
