/**
 * Pure: the life of a delivery: its states ({@link DeliveryState}), the retry schedule with jitter, and what one
 * attempt's result means for the delivery and its webhook ({@link AttemptDecision}).
 */
package io.github.b2bpack.webhook.retry;
