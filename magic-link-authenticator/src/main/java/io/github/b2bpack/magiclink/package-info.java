/**
 * Magic links: a passwordless first factor that emails a single-use sign-in link (a Keycloak action token). The
 * authenticator ({@code authenticator}) asks for the address and sends; the token handler ({@code token}) verifies
 * the link and resumes the flow, so the realm's later steps (SMS or app OTP) still run. Send limits live in
 * {@code limit} (pure), settings in {@code config} (pure), the email in {@code mail}.
 */
package io.github.b2bpack.magiclink;
