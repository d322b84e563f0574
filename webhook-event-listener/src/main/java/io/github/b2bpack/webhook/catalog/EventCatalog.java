package io.github.b2bpack.webhook.catalog;

import static io.github.b2bpack.webhook.catalog.JsonSchema.constant;
import static io.github.b2bpack.webhook.catalog.JsonSchema.pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.event.EventCodes;
import io.github.b2bpack.webhook.format.CloudEventEnvelope;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every event code the pack can emit, named by the one rule of {@link EventCodes}: Keycloak's user event types,
 * the pack's own events ({@link PackEvents}), every admin (resource type, operation, outcome), and the families of
 * codes other extensions may add (their own {@code b2bpack_event}s, their own admin resource types). Built once from
 * the names the caller reads off Keycloak's enums; immutable.
 */
public final class EventCatalog {

    /** Codes of other extensions' user events: a {@code b2bpack_event} this pack does not know, or a newer type. */
    static final String USER_FAMILY = "user.*.";
    /** Codes of other extensions' admin resource types ({@code AdminEventBuilder.resource(String)}). */
    static final String ADMIN_FAMILY = "admin.*.*.";

    private static final Map<String, String> OPERATIONAL_TEXT = Map.of(
            EventCodes.ENDPOINT_FAILING,
            "b2bpack: another webhook of the realm is failing (its first delivery was discarded)",
            EventCodes.ENDPOINT_DISABLED,
            "b2bpack: another webhook of the realm was disabled, every attempt having failed for disable-after",
            EventCodes.ENDPOINT_RECOVERED,
            "b2bpack: a failing webhook of the realm answered 2xx again");

    private static final String SUCCESS = "success";
    private static final String ERROR = "error";
    private static final String ERROR_SUFFIX = "_ERROR";

    private final Map<String, EventTypeEntry> byCode;

    private EventCatalog(Map<String, EventTypeEntry> byCode) {
        this.byCode = byCode;
    }

    /**
     * @param userEventTypes     Keycloak's user event type names ({@code LOGIN}, {@code LOGIN_ERROR}, …)
     * @param adminResourceTypes Keycloak's admin resource type names ({@code USER}, …); the pack's are added
     * @param operations         Keycloak's admin operation names ({@code CREATE}, …)
     */
    public static EventCatalog of(
            List<String> userEventTypes, List<String> adminResourceTypes, List<String> operations) {
        Map<String, EventTypeEntry> entries = new LinkedHashMap<>();
        for (String type : userEventTypes) {
            boolean error = type.endsWith(ERROR_SUFFIX);
            String base = error ? type.substring(0, type.length() - ERROR_SUFFIX.length()) : type;
            String code = EventCodes.forUserEvent(type, null);
            add(
                    entries,
                    code,
                    "user",
                    "Keycloak user event " + type + ": " + words(base) + (error ? " failed" : ""),
                    PayloadSchemas.userEvent(code, constant(code), type));
        }
        for (PackEvents.Named named : PackEvents.USER) {
            for (String outcome : List.of(SUCCESS, ERROR)) {
                String code = EventCodes.forPackEvent(named.name(), outcome.equals(ERROR));
                add(
                        entries,
                        code,
                        "pack",
                        "b2bpack: " + named.description() + (outcome.equals(ERROR) ? " (reported as an error)" : ""),
                        PayloadSchemas.userEvent(code, constant(code), null));
            }
        }
        for (String code : EventCodes.OPERATIONAL) {
            add(entries, code, "operational", OPERATIONAL_TEXT.get(code), PayloadSchemas.endpointEvent(code));
        }
        Map<String, String> resources = new LinkedHashMap<>();
        adminResourceTypes.forEach(r -> resources.put(r, "a " + words(r)));
        PackEvents.ADMIN.forEach(r -> resources.put(r.type(), r.description()));
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            for (String operation : operations) {
                for (boolean error : new boolean[] {false, true}) {
                    String code = EventCodes.forAdminEvent(resource.getKey(), operation, error);
                    add(
                            entries,
                            code,
                            "admin",
                            "Admin API " + operation + " of " + resource.getValue()
                                    + (error ? " failed" : " succeeded"),
                            PayloadSchemas.adminEvent(code, constant(code), resource.getKey(), operation));
                }
            }
        }
        for (String outcome : List.of(SUCCESS, ERROR)) {
            String user = USER_FAMILY + outcome;
            add(
                    entries,
                    user,
                    "family",
                    "user events of other extensions (their own b2bpack_event) or of Keycloak types added later",
                    PayloadSchemas.userEvent(
                            user, pattern("^user\\.[a-z0-9_]+(\\.[a-z0-9_]+)*\\." + outcome + "$"), null));
            String admin = ADMIN_FAMILY + outcome;
            add(
                    entries,
                    admin,
                    "family",
                    "admin events of resource types other extensions define",
                    PayloadSchemas.adminEvent(
                            admin, pattern("^admin\\.[a-z0-9_]+\\.[a-z0-9_]+\\." + outcome + "$"), null, null));
        }
        return new EventCatalog(Collections.unmodifiableMap(entries));
    }

    /** The first entry of a code wins: a pack resource type Keycloak would add later keeps Keycloak's wording. */
    private static void add(
            Map<String, EventTypeEntry> entries, String code, String kind, String text, ObjectNode schema) {
        entries.putIfAbsent(
                code,
                new EventTypeEntry(
                        code, kind, text, code.contains("*") ? null : CloudEventEnvelope.type(code), schema));
    }

    /** Every entry, Keycloak's user events first, then the pack's, the admin events and the families. */
    public List<EventTypeEntry> all() {
        return List.copyOf(byCode.values());
    }

    /**
     * The entries for {@code ?code=}: a concrete code gives its entry, or the families it belongs to when it is not
     * catalogued itself; a pattern with {@code *} (as webhooks subscribe) gives every entry it matches.
     *
     * @throws IllegalArgumentException when {@code code} is neither a code nor a valid pattern
     */
    public List<EventTypeEntry> select(String code) {
        if (code.contains("*")) {
            String problem = EventCodePatterns.validate(List.of(code));
            if (problem != null) {
                throw new IllegalArgumentException("code must be an event code or a pattern with * wildcards");
            }
            return byCode.values().stream()
                    .filter(e -> EventCodePatterns.anyMatches(List.of(code), e.code()))
                    .toList();
        }
        if (!EventCodes.isCode(code)) {
            throw new IllegalArgumentException("code must be an event code or a pattern with * wildcards");
        }
        EventTypeEntry exact = byCode.get(code);
        if (exact != null) {
            return List.of(exact);
        }
        List<EventTypeEntry> families = new ArrayList<>();
        for (EventTypeEntry e : byCode.values()) {
            if (e.code().contains("*") && EventCodePatterns.anyMatches(List.of(e.code()), code)) {
                families.add(e);
            }
        }
        return families;
    }

    /** {@code UPDATE_PASSWORD} → {@code update password}. */
    private static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
