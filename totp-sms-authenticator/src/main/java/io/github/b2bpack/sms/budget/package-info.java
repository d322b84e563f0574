/**
 * Send caps as atomic slot claims in a cluster-wide store: caps, sliding slots and fixed windows, the per-IP
 * subject of a client address, the server-wide caps. Pure: no Keycloak types, unit-tested with in-memory stores.
 */
package io.github.b2bpack.sms.budget;
