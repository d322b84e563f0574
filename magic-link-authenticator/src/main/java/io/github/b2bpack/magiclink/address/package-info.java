/** What a person typed as their address: trimmed, bounded and roughly checked before any lookup. No Keycloak types. */
package io.github.b2bpack.magiclink.address;
