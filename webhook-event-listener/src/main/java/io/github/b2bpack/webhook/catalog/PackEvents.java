package io.github.b2bpack.webhook.catalog;

import java.util.List;

/**
 * What the pack's own modules emit beyond Keycloak's event types. This module does not depend on them, so the names
 * are listed here, from their sources: add a line when a module gains a {@code b2bpack_event} or an admin resource
 * type (CONTRIBUTING.md, "Events").
 */
public final class PackEvents {

    /**
     * A {@code b2bpack_event} detail value of a user event and what it says; its codes follow the one rule
     * ({@link io.github.b2bpack.webhook.event.EventCodes#forPackEvent}): {@code user.<name>.success|error} for two
     * segments, {@code <name>.success|error} for three or more.
     */
    public record Named(String name, String description) {}

    /** An admin event resource type of the pack's own REST resources. */
    public record Resource(String type, String description) {}

    /**
     * The {@code b2bpack_event}s of user events (Keycloak's {@code EventBuilder}). Those that admin events carry
     * ({@code org_admin.invited}, {@code sso.onboarding_link_issued}, {@code webhook.secret_rotated}, …) are not
     * listed: an admin event's code is its resource type and operation, whatever its details say.
     */
    public static final List<Named> USER = List.of(
            // totp-sms-authenticator (SmsEvents, DirectGrantSmsOtpAuthenticator), hibp-policy (BreachedPassword…).
            new Named("sms_otp.enrolled", "a user enrolled a phone for SMS one-time codes"),
            new Named("sms_otp.code_sent", "an SMS one-time code was sent"),
            new Named("sms_otp.code_not_sent", "an SMS one-time code could not be sent"),
            new Named("sms_otp.challenge_succeeded", "a user entered a valid SMS one-time code"),
            new Named("sms_otp.challenge_failed", "a user entered a wrong or voided SMS one-time code"),
            new Named("sms_otp.recovery_code_used", "a user signed in with an SMS recovery code"),
            new Named("sms_otp.force_enrolled", "an administrator enrolled a phone for a user"),
            new Named("sms_otp.removed", "an administrator removed a user's SMS credential"),
            new Named(
                    "sms_otp.direct_grant_refused",
                    "a password grant was refused: the account requires a second factor"),
            new Named(
                    "sms_otp.direct_grant_exempted",
                    "a password grant skipped the second factor: its client is exempted"),
            new Named("hibp.breached_password", "a password was found in a known data breach"),
            // org-realm-mapper: admin invitations (AdminInvitationHandler).
            new Named("org_admin.invitation_accepted", "an invited person accepted to administer the organization"),
            new Named("org_admin.invitation_declined", "an invited person declined to administer the organization"),
            // org-realm-mapper: SSO onboarding (OnboardingPage) and access policy (SsoAccessPolicyAuthenticator).
            new Named("sso.onboarding_completed", "an organization's admin configured SSO through the onboarding link"),
            new Named("sso.email_missing", "an SSO login was refused: the identity provider gave no email"),
            new Named(
                    "sso.email_domain_not_allowed",
                    "an SSO login was refused: the email is outside the organization's domains"),
            new Named(
                    "sso.account_not_linkable",
                    "an SSO login was refused: an existing account of that email cannot be linked"),
            new Named(
                    "sso.user_not_registered",
                    "an SSO login was refused: the user is not registered (only_registered_users)"),
            // org-realm-mapper: Directory Sync (ScimOutcomes); three segments, so Cryptr's codes dir_sync.user.*.
            new Named("dir_sync.user.provision", "the directory (SCIM) provisioned a user"),
            new Named("dir_sync.user.update", "the directory (SCIM) updated a user"),
            new Named(
                    "dir_sync.user.deprovision", "the directory (SCIM) deprovisioned a user: disabled, sessions ended"),
            new Named("dir_sync.user.reactivate", "the directory (SCIM) reactivated a deprovisioned user"),
            new Named("dir_sync.user.delete", "the directory (SCIM) deleted a user"),
            // totp-sms-authenticator: TOTP app method (SmsEvents).
            new Named("app_otp.enrolled", "a user enrolled an authenticator app (TOTP)"),
            new Named("app_otp.challenge_succeeded", "a user entered a valid authenticator app code"),
            new Named("app_otp.challenge_failed", "a user entered a wrong authenticator app code"),
            // magic-link-authenticator (MagicLinkAuthenticator, ChallengeResource).
            new Named("magic_link.sent", "a magic link was sent by email"),
            new Named(
                    "magic_link.limited",
                    "a magic link was not sent: too many were asked for that address or from that IP"),
            // totp-sms-authenticator: headless password and TOTP endpoints (PasswordHeadless, TotpHeadless;
            // branch headless).
            new Named("headless.password_challenge_succeeded", "a headless password challenge succeeded"),
            new Named("headless.password_challenge_failed", "a headless password challenge failed"),
            new Named("headless.password_login", "a headless password login issued an authorization code"),
            new Named("headless.password_requested", "a headless password reset was requested"),
            new Named("headless.password_renewed", "a user renewed their password through the headless API"),
            new Named("headless.password_renew_failed", "a headless password renewal was refused"),
            new Named("headless.password_renew_login", "a headless password renewal issued an authorization code"),
            new Named("headless.totp_enrolled", "a user enrolled TOTP through the headless API"),
            new Named("headless.totp_enrollment_failed", "a headless TOTP enrollment was refused"),
            new Named("headless.totp_force_enrolled", "a TOTP enrollment was forced through the headless API"),
            new Named("headless.totp_challenge_sent", "a headless TOTP challenge was started"),
            new Named("headless.totp_challenge_succeeded", "a headless TOTP challenge succeeded"),
            new Named("headless.totp_challenge_failed", "a headless TOTP challenge failed"),
            new Named("headless.totp_login", "a headless TOTP login issued an authorization code"),
            new Named("headless.recovery_code_used", "a user signed in with a recovery code through the headless API"));

    /**
     * {@code webhook-event-listener} (WebhooksResource) and {@code org-realm-mapper} (EmailDomainsResource,
     * MetakeysResource, DirectorySyncResource, ConnectionAccess). The organization APIs'
     * other admin events use Keycloak's types ({@code ORGANIZATION}, {@code USER}, {@code IDENTITY_PROVIDER}).
     */
    public static final List<Resource> ADMIN = List.of(
            new Resource("WEBHOOK", "a webhook of the realm (b2bpack webhooks API)"),
            new Resource("ORGANIZATION_EMAIL_DOMAIN", "an organization's email domain (b2bpack org-realm-mapper)"),
            new Resource("ORGANIZATION_METAKEY", "an organization's user metadata key (b2bpack org-realm-mapper)"),
            new Resource("DIRECTORY_SYNC", "an organization's Directory Sync (SCIM) (b2bpack org-realm-mapper)"),
            new Resource(
                    "ORGANIZATION_CONNECTION",
                    "an organization's password, TOTP or magic-link connection (b2bpack org-realm-mapper)"));

    private PackEvents() {}
}
