/**
 * Pure, no Keycloak types: proof that an organization owns an email domain (the DNS TXT challenge, the
 * JDK's own DNS client and its verdicts) and the public mail domains nobody may claim.
 */
package io.github.b2bpack.org.ownership;
