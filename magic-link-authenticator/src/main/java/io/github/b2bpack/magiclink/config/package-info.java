/** The authenticator's settings: keys, defaults and bounds, parsed from the execution's config map. No Keycloak types. */
package io.github.b2bpack.magiclink.config;
