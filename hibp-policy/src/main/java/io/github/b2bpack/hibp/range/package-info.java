/**
 * The HaveIBeenPwned range API: a password's SHA-1 prefix and suffix, the HTTP client with its time budget, the strict body parser.
 * Pure: no Keycloak types (Keycloak's shared Apache HttpClient is handed in).
 */
package io.github.b2bpack.hibp.range;
