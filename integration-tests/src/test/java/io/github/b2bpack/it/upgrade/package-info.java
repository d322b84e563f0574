/**
 * The upgrade path operators take: a database written by an earlier build of the pack (a committed dump, see
 * {@code src/test/resources/upgrade/make-fixture.sh}) restored and started with the current jars, and the pack's
 * secrets (peppers, webhook encryption key) handed over through the environment or Keycloak's config keystore, never
 * the command line.
 */
package io.github.b2bpack.it.upgrade;
