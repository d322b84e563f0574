/**
 * Keycloak glue holding a realm's users to its organization's verified email domains: the user-profile
 * validator {@code b2bpack-org-email-domain} and the rule that writes it onto the {@code email} attribute.
 * The domain matching itself is the pure {@code emaildomain} package.
 */
package io.github.b2bpack.org.userprofile;
