/**
 * The {@code log} sender: writes codes to the server log, for development only (refused in production mode unless
 * enabled). Glue; the rule when it may run ({@code LogSenderPolicy}) is pure.
 */
package io.github.b2bpack.sms.sender.log;
