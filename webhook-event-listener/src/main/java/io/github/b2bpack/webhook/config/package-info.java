/**
 * Pure: the server-wide settings and where they come from: the SPI options ({@link WebhookOptions}, each declared
 * once), the durations operators write, and the at-rest encryption keys.
 */
package io.github.b2bpack.webhook.config;
