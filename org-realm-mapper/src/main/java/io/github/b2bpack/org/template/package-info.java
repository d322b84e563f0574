/**
 * Keycloak glue: the realm template new organization realms are imported from, and the sanitizer that
 * drops the parts naming providers this server lacks (testable without a server through {@code ProviderCatalog}).
 */
package io.github.b2bpack.org.template;
