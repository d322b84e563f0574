/**
 * Pure, no Keycloak types: the organization as the index knows it, its email-domain claims, its
 * environments and their statuses, the refusals the API reports, and each node's email-domain lookup cache.
 */
package io.github.b2bpack.org.model;
