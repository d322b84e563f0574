package io.github.b2bpack.org.request;

import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.model.StatusFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The query of the organization list: a page (from 1), its size, and the environment status filter. */
public record ListQuery(int page, int perPage, StatusFilter filter) {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;
    /** Cryptr's filter parameter; the same without the trailing {@code []} is accepted too. */
    public static final String STATUS_FILTER = "q[environments_status_in][]";

    /** Reads query parameters; a refused one throws {@link OrganizationException} (INVALID). */
    public static ListQuery of(Map<String, List<String>> query) {
        int page = positiveInt(first(query, "page"), 1, "page", Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = positiveInt(first(query, "per_page"), DEFAULT_PER_PAGE, "per_page", MAX_PER_PAGE);
        List<String> statuses = new ArrayList<>();
        for (String key : List.of(STATUS_FILTER, "q[environments_status_in]")) {
            statuses.addAll(query.getOrDefault(key, List.of()));
        }
        return new ListQuery(page, perPage, statusFilter(statuses));
    }

    /** Index of the page's first organization. */
    public int first() {
        return (page - 1) * perPage;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int positiveInt(String raw, int defaultValue, String name, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, name + " must be a whole number");
        }
        if (value < 1 || value > max) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, name + " must be between 1 and " + max);
        }
        return value;
    }

    /** Both statuses, or none, filter nothing; one of them keeps organizations with an environment in it. */
    private static StatusFilter statusFilter(List<String> statuses) {
        boolean up = false;
        boolean down = false;
        for (String status : statuses) {
            EnvironmentStatus asked = EnvironmentStatus.byId(status)
                    .orElseThrow(
                            () -> Refusals.invalid(Refusals.INVALID_REQUEST, STATUS_FILTER + " accepts up and down"));
            up |= asked == EnvironmentStatus.UP;
            down |= asked == EnvironmentStatus.DOWN;
        }
        return up == down ? StatusFilter.ANY : up ? StatusFilter.ANY_UP : StatusFilter.ANY_DOWN;
    }
}
