/**
 * The {@code zxcvbn} password policy: minimum score, the user's own data, feedback in the user's language.
 * Glue: Keycloak's {@code PasswordPolicyProvider} over the pure {@code scoring}.
 */
package io.github.b2bpack.password.strength.policy;
