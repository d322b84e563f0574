/**
 * Pure logic, no Keycloak types: which events a webhook's source filters ({@code client_ids},
 * {@code excluded_client_ids}, {@code environments}) let through, what a valid filter is, and how a per-webhook rate
 * limit spaces its deliveries ({@link RateSlots}).
 */
package io.github.b2bpack.webhook.filter;
