package io.github.b2bpack.org.dirsync;

/**
 * A directory sync as the API shows it: its id (the backing client's id), whether SCIM calls are served, and
 * when it was created and last changed (ISO-8601 instants).
 */
public record DirectorySync(String id, boolean active, String insertedAt, String updatedAt) {

    /** A directory sync with the bearer token just issued; the only time the token's value leaves the server. */
    public record Issued(DirectorySync sync, String token) {}
}
