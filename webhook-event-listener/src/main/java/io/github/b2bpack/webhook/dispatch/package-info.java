/**
 * Pure: a node's delivery threads and queues ({@link Dispatcher}, {@link FairQueue}) and the {@link Recorder} that
 * turns attempt results into states; no database, no HTTP, unit-tested with a fake sender and claimer.
 */
package io.github.b2bpack.webhook.dispatch;
