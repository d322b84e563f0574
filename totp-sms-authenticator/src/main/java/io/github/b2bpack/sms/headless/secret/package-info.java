/**
 * Pure rules of the headless API, free of Keycloak: single-use secrets (generation, the hash that is stored, the
 * shape a caller may send), the organization a realm name stands for, and the parameters of a request body.
 */
package io.github.b2bpack.sms.headless.secret;
