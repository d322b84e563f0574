package io.github.b2bpack.webhook.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A webhook's filters on where an event comes from, checked after its event codes matched. Each list empty means no
 * filter. {@code clientIds}: only events whose client is one of these; {@code excludedClientIds}: every event but
 * those of these clients; {@code environments}: only events of a realm whose organization environment is one of
 * these. An event without a known client or environment never passes a non-empty positive filter ({@code clientIds},
 * {@code environments}) and always passes an exclusion: a filter only ever narrows what a webhook receives.
 *
 * <p>The event's client and environment are asked for through suppliers, and only when a list needs them, so the
 * listener looks nothing up for a webhook without filters.
 */
public record SourceFilter(List<String> clientIds, List<String> excludedClientIds, List<String> environments) {

    /** Entries allowed in each list. */
    public static final int MAX_ENTRIES = 100;
    /** Longest client id Keycloak stores (CLIENT.CLIENT_ID is VARCHAR(255)). */
    public static final int MAX_CLIENT_ID = 255;
    /**
     * The environments org-realm-mapper gives an organization (docs/org-realm-mapper.md): its realm attribute
     * {@code b2bpack.org.environment} holds one of these.
     */
    public static final List<String> ENVIRONMENTS = List.of("production", "sandbox");

    public static final SourceFilter NONE = new SourceFilter(List.of(), List.of(), List.of());

    public SourceFilter {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        excludedClientIds = excludedClientIds == null ? List.of() : List.copyOf(excludedClientIds);
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /** True when no list is set: every event whose code matched goes out. */
    public boolean isEmpty() {
        return clientIds.isEmpty() && excludedClientIds.isEmpty() && environments.isEmpty();
    }

    /** Whether the filters need the event's client at all. */
    public boolean needsClient() {
        return !clientIds.isEmpty() || !excludedClientIds.isEmpty();
    }

    /**
     * @param clientId    the event's client id ({@code clientId}, not the internal id); may supply null
     * @param environment the environment of the event realm's organization; may supply null
     */
    public boolean admits(Supplier<String> clientId, Supplier<String> environment) {
        if (needsClient()) {
            String client = clientId.get();
            if (!clientIds.isEmpty() && (client == null || !clientIds.contains(client))) {
                return false;
            }
            if (client != null && excludedClientIds.contains(client)) {
                return false;
            }
        }
        if (!environments.isEmpty()) {
            String env = environment.get();
            return env != null && environments.contains(env);
        }
        return true;
    }

    /**
     * What is wrong with this filter without asking the realm (sizes, names, both lists naming one client), or null;
     * whether each client exists in the realm is the caller's check.
     */
    public String problem() {
        String problem = listProblem("client_ids", clientIds);
        if (problem == null) {
            problem = listProblem("excluded_client_ids", excludedClientIds);
        }
        if (problem != null) {
            return problem;
        }
        List<String> both = new ArrayList<>(clientIds);
        both.retainAll(excludedClientIds);
        if (!both.isEmpty()) {
            return "client_ids and excluded_client_ids both name " + quoted(both)
                    + "; a client is either kept or excluded";
        }
        if (environments.size() > MAX_ENTRIES) {
            return "environments may have at most " + MAX_ENTRIES + " entries";
        }
        for (String env : environments) {
            if (!ENVIRONMENTS.contains(env)) {
                return "environments: unknown environment " + quoted(List.of(env)) + "; expected "
                        + String.join(" or ", ENVIRONMENTS);
            }
        }
        return null;
    }

    private static String listProblem(String field, List<String> ids) {
        if (ids.size() > MAX_ENTRIES) {
            return field + " may have at most " + MAX_ENTRIES + " entries";
        }
        for (String id : ids) {
            if (id == null || id.isBlank() || id.length() > MAX_CLIENT_ID) {
                return field + " must hold client ids of 1 to " + MAX_CLIENT_ID + " characters";
            }
        }
        return null;
    }

    /** Names for an error message, each cut to 60 characters, at most five of them. */
    public static String quoted(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names.subList(0, Math.min(5, names.size()))) {
            shown.add("'" + (n.length() > 60 ? n.substring(0, 60) + "…" : n) + "'");
        }
        return String.join(", ", shown) + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }
}
