/**
 * {@code /realms/{realm}/password-strength}: its request and answer records, settings and per-IP rate limit.
 * Glue: a realm REST extension over the realm's password policy and the pure {@code scoring}.
 */
package io.github.b2bpack.password.strength.rest;
