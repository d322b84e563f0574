/** Glue: one-time moves of data written by earlier versions of the module, run at startup. */
package io.github.b2bpack.webhook.migration;
