package io.github.b2bpack.webhook.catalog;

import java.util.List;

/**
 * What the pack's own modules emit beyond Keycloak's event types. This module does not depend on them, so the names
 * are listed here, from their sources: add a line when a module gains a {@code b2bpack_event} or an admin resource
 * type (CONTRIBUTING.md, "Events").
 */
public final class PackEvents {

    /** A {@code b2bpack_event} detail value and what it says; each gives {@code user.<name>.success|error}. */
    public record Named(String name, String description) {}

    /** An admin event resource type of the pack's own REST resources. */
    public record Resource(String type, String description) {}

    /** {@code totp-sms-authenticator} (SmsEvents) and {@code hibp-policy} (BreachedPasswordCheckAuthenticator). */
    public static final List<Named> USER = List.of(
            new Named("sms_otp.enrolled", "a user enrolled a phone for SMS one-time codes"),
            new Named("sms_otp.code_sent", "an SMS one-time code was sent"),
            new Named("sms_otp.code_not_sent", "an SMS one-time code could not be sent"),
            new Named("sms_otp.challenge_succeeded", "a user entered a valid SMS one-time code"),
            new Named("sms_otp.challenge_failed", "a user entered a wrong or voided SMS one-time code"),
            new Named("sms_otp.recovery_code_used", "a user signed in with an SMS recovery code"),
            new Named("sms_otp.force_enrolled", "an administrator enrolled a phone for a user"),
            new Named("sms_otp.removed", "an administrator removed a user's SMS credential"),
            new Named("hibp.breached_password", "a password was found in a known data breach"));

    /** {@code webhook-event-listener} (WebhooksResource) and {@code org-realm-mapper} (EmailDomainsResource). */
    public static final List<Resource> ADMIN = List.of(
            new Resource("WEBHOOK", "a webhook of the realm (b2bpack webhooks API)"),
            new Resource("ORGANIZATION_EMAIL_DOMAIN", "an organization's email domain (b2bpack org-realm-mapper)"));

    private PackEvents() {}
}
