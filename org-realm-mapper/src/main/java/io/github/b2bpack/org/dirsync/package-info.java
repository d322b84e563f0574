/**
 * Directory Sync (Cryptr's name for SCIM provisioning), pure parts: the bearer token handed to the customer's
 * directory once ({@link io.github.b2bpack.org.dirsync.DirectorySyncToken}, hashed before it is stored), the
 * directory sync as the API shows it, and the email addresses a SCIM body would give a user
 * ({@link io.github.b2bpack.org.dirsync.ScimAddresses}), checked against the organization's domains.
 */
package io.github.b2bpack.org.dirsync;
