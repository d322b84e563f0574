/**
 * Glue: webhooks as realm components of provider type {@code UiPageProvider}. The factory declares the admin
 * console's form and checks every write of a webhook's configuration, whichever way it comes (REST API, console,
 * realm import, migration of the rows of earlier versions).
 */
package io.github.b2bpack.webhook.component;
