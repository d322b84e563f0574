/**
 * Pure: the health of a webhook's endpoint. Which attempt results count ({@link AttemptKind}), what one result means
 * given what the node knows ({@link HealthTransitions}: mark failing, announce, check the disable, clear), the node's
 * copy of the failing endpoints ({@link HealthCache}) and the operational events' payloads ({@link EndpointPayloads}).
 * No Keycloak types: the database and the events are the {@code healing} package's.
 */
package io.github.b2bpack.webhook.health;
