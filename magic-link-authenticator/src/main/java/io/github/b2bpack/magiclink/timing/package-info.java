/**
 * Answer-time floor: an answer held until a fixed time after its request started, so the work that still differs
 * between a known and an unknown address does not show in the timing. No Keycloak types.
 */
package io.github.b2bpack.magiclink.timing;
