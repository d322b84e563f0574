package io.github.b2bpack.sms.event;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * The module's events, following the pack convention: the closest built-in type plus the detail
 * {@code b2bpack_event=sms_otp.<action>}. Details carry the masked phone at most, never a code.
 */
public final class SmsEvents {

    public static final String DETAIL = "b2bpack_event";
    public static final String ENROLLED = "sms_otp.enrolled";
    public static final String CODE_SENT = "sms_otp.code_sent";
    public static final String CODE_NOT_SENT = "sms_otp.code_not_sent";
    public static final String CHALLENGE_SUCCEEDED = "sms_otp.challenge_succeeded";
    public static final String CHALLENGE_FAILED = "sms_otp.challenge_failed";
    public static final String RECOVERY_CODE_USED = "sms_otp.recovery_code_used";
    public static final String FORCE_ENROLLED = "sms_otp.force_enrolled";
    public static final String REMOVED = "sms_otp.removed";
    // The authenticator-app method (same recovery codes and rules, events of its own).
    public static final String APP_ENROLLED = "app_otp.enrolled";
    public static final String APP_CHALLENGE_SUCCEEDED = "app_otp.challenge_succeeded";
    public static final String APP_CHALLENGE_FAILED = "app_otp.challenge_failed";

    private SmsEvents() {}

    /** A success event on a clone of {@code base} (which keeps realm, client, user, IP). */
    public static void success(EventBuilder base, EventType type, String action, String... details) {
        EventBuilder event = base.clone().event(type).detail(DETAIL, action);
        addDetails(event, details);
        event.success();
    }

    public static void error(EventBuilder base, EventType type, String action, String error, String... details) {
        EventBuilder event = base.clone().event(type).detail(DETAIL, action);
        addDetails(event, details);
        event.error(error);
    }

    private static void addDetails(EventBuilder event, String... details) {
        for (int i = 0; i + 1 < details.length; i += 2) {
            event.detail(details[i], details[i + 1]);
        }
    }
}
