/**
 * Email-domain rules of organizations: normalizing, validating and matching domains and addresses ({@link
 * io.github.b2bpack.org.emaildomain.EmailDomains}). Pure, no Keycloak types: the API, discovery, ownership checks
 * and the user-profile validator all read domains through it, so it stands apart from the validator's glue.
 */
package io.github.b2bpack.org.emaildomain;
