/**
 * One-time codes: the policy (length, lifetime, attempts, cooldown, caps), generation, salted hashing, the pending
 * code as stored and the rules of one entry. Pure: no Keycloak types.
 */
package io.github.b2bpack.sms.code;
