/**
 * The {@code direct-grant-sms-otp} authenticator: refuses the password grant to users with an SMS second factor,
 * unless their client is exempted. Glue; the exempt-client list ({@code ExemptClients}) is pure.
 */
package io.github.b2bpack.sms.directgrant;
