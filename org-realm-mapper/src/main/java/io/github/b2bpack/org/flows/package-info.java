/**
 * Keycloak glue: the steps of a realm's browser flow (executions of its sub-flows included) as the organization
 * connections API reads and switches them, and their authenticator configurations. The realm is the only record:
 * nothing here keeps a copy of what a flow holds.
 */
package io.github.b2bpack.org.flows;
