/**
 * Self-healing endpoints in the server: the health table's guarded writes ({@link HealthStore}), the recorder's step
 * that applies {@code health.HealthTransitions} to each written batch of results ({@link EndpointHealth}), and what a
 * transition tells (the admin event and the operational webhook events, {@link EndpointNotices}).
 */
package io.github.b2bpack.webhook.healing;
