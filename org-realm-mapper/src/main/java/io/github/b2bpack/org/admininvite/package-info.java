/**
 * Keycloak glue of the organization administrators: the invitation action token and its handler (the page that
 * accepts or declines, then the password and the realm's second factor), granting and revoking the
 * administrator roles in the organization's realm, sending the invitation through that realm's SMTP, and the
 * global LOGIN listener that records {@code last_login_at}.
 */
package io.github.b2bpack.org.admininvite;
