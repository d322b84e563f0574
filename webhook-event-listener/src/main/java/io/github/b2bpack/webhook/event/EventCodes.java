package io.github.b2bpack.webhook.event;

import io.github.b2bpack.webhook.health.EndpointCodes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule that names every event (CONTRIBUTING.md, "Webhook event codes"):
 * user event {@code TYPE} → {@code user.<type>.success}, {@code TYPE_ERROR} → {@code user.<type>.error};
 * a pack event carrying detail {@code b2bpack_event=a.b} → {@code user.a.b.success|error};
 * admin event (resource type, operation) → {@code admin.<resource>.<operation>.success|error};
 * and the pack's own operational events, {@code webhook.endpoint.failing|disabled|recovered}.
 */
public final class EventCodes {

    /** Detail by which the pack's own modules name what happened when no built-in event type fits. */
    public static final String PACK_EVENT_DETAIL = "b2bpack_event";

    /** A concrete code: lower-case segments separated by dots. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+){1,7}");

    private static final String ERROR_SUFFIX = "_ERROR";

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
        String name;
        if (packEvent != null && isPackEventName(packEvent)) {
            name = packEvent;
        } else {
            name = error ? type.substring(0, type.length() - ERROR_SUFFIX.length()) : type;
        }
        return "user." + name.toLowerCase(Locale.ROOT) + (error ? ".error" : ".success");
    }

    public static String forAdminEvent(String resourceType, String operation, boolean error) {
        return "admin." + resourceType.toLowerCase(Locale.ROOT) + "." + operation.toLowerCase(Locale.ROOT)
                + (error ? ".error" : ".success");
    }

    /** Whether {@code code} is a concrete event code (no wildcard), as trigger-test accepts. */
    public static boolean isCode(String code) {
        return code != null && code.length() <= 128 && CODE.matcher(code).matches();
    }

    private static boolean isPackEventName(String packEvent) {
        return packEvent.length() <= 100 && CODE.matcher(packEvent).matches();
    }
}
