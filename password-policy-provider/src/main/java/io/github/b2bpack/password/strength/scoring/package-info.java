/**
 * Strength scoring: zxcvbn4j behind a bounded-cost front, the user's own data that lowers a score, feedback in the user's language.
 * Pure: no Keycloak types.
 */
package io.github.b2bpack.password.strength.scoring;
