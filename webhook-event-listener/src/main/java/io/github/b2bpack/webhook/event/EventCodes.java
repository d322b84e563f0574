package io.github.b2bpack.webhook.event;

import io.github.b2bpack.webhook.health.EndpointCodes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule that names every event (CONTRIBUTING.md, "Webhook event codes"):
 * user event {@code TYPE} → {@code user.<type>.success}, {@code TYPE_ERROR} → {@code user.<type>.error};
 * a pack event carrying detail {@code b2bpack_event=a.b} → {@code user.a.b.success|error}, and one of three or more
 * segments is a code of its own, as Cryptr names them ({@code dir_sync.user.provision} →
 * {@code dir_sync.user.provision.success|error});
 * admin event (resource type, operation) → {@code admin.<resource>.<operation>.success|error};
 * and the pack's own operational events, {@code webhook.endpoint.failing|disabled|recovered}.
 */
public final class EventCodes {

    /** Detail by which the pack's own modules name what happened when no built-in event type fits. */
    public static final String PACK_EVENT_DETAIL = "b2bpack_event";

    /** A concrete code: lower-case segments separated by dots. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+){1,7}");

    private static final String ERROR_SUFFIX = "_ERROR";

    /**
     * First segments only this rule gives: a three-segment pack event starting with one of them stays under
     * {@code user.}, so no extension's detail can pass for a Keycloak admin event or an operational event.
     */
    private static final List<String> RESERVED_FIRST_SEGMENTS = List.of("user", "admin", "webhook");

    /** Segments of a pack event that is a code of its own (its outcome makes the code's eighth at most). */
    private static final int FULL_CODE_MIN_SEGMENTS = 3;

    private static final int FULL_CODE_MAX_SEGMENTS = 7;

    /** An endpoint's first discarded delivery after a success: it is failing (sent to the realm's other webhooks). */
    public static final String ENDPOINT_FAILING = EndpointCodes.FAILING;
    /** Every attempt failed for {@code disable-after}: the webhook was disabled. */
    public static final String ENDPOINT_DISABLED = EndpointCodes.DISABLED;
    /** A failing endpoint answered 2xx again. */
    public static final String ENDPOINT_RECOVERED = EndpointCodes.RECOVERED;

    /** The operational codes, which no Keycloak event names: a webhook gets them by subscribing (or by a wildcard). */
    public static final List<String> OPERATIONAL = EndpointCodes.ALL;

    private EventCodes() {}

    public static String forUserEvent(String type, String packEvent) {
        boolean error = type.endsWith(ERROR_SUFFIX);
        if (packEvent != null && isPackEventName(packEvent)) {
            return forPackEvent(packEvent, error);
        }
        String name = error ? type.substring(0, type.length() - ERROR_SUFFIX.length()) : type;
        return "user." + name.toLowerCase(Locale.ROOT) + outcome(error);
    }

    /**
     * The code of a well-formed {@code b2bpack_event} (lower-case, dotted): two segments ({@code module.action})
     * → {@code user.<name>.success|error}, the form every pack event had first, unchanged; three to seven
     * ({@code domain.object.action}) → {@code <name>.success|error}, so the directory's events carry Cryptr's codes
     * ({@code dir_sync.user.provision.success}) — except under a reserved first segment, which stays under
     * {@code user.}. The error outcome comes from the event's type ({@code *_ERROR}), as for every user event.
     */
    public static String forPackEvent(String packEvent, boolean error) {
        int segments = packEvent.split("\\.", -1).length;
        int dot = packEvent.indexOf('.');
        String first = dot < 0 ? packEvent : packEvent.substring(0, dot);
        boolean ownCode = segments >= FULL_CODE_MIN_SEGMENTS
                && segments <= FULL_CODE_MAX_SEGMENTS
                && !RESERVED_FIRST_SEGMENTS.contains(first);
        return (ownCode ? "" : "user.") + packEvent + outcome(error);
    }

    private static String outcome(boolean error) {
        return error ? ".error" : ".success";
    }

    public static String forAdminEvent(String resourceType, String operation, boolean error) {
        return "admin." + resourceType.toLowerCase(Locale.ROOT) + "." + operation.toLowerCase(Locale.ROOT)
                + outcome(error);
    }

    /** Whether {@code code} is a concrete event code (no wildcard), as trigger-test accepts. */
    public static boolean isCode(String code) {
        return code != null && code.length() <= 128 && CODE.matcher(code).matches();
    }

    private static boolean isPackEventName(String packEvent) {
        return packEvent.length() <= 100 && CODE.matcher(packEvent).matches();
    }
}
