package io.github.b2bpack.org.request;

import io.github.b2bpack.org.model.Environment;
import java.util.List;
import java.util.Map;

/**
 * The query of the user list: page (from 1) and size as the organization list, the environment, and the
 * filters {@code search} (a substring of email, username, first or last name) and {@code email} (exact,
 * case-insensitive).
 */
public record UserListQuery(int page, int perPage, Environment environment, String search, String email) {

    public static final int MAX_SEARCH = 100;

    /** Reads query parameters; a refused one throws {@code OrganizationException} ({@code invalid_request}). */
    public static UserListQuery of(Map<String, List<String>> query) {
        ListQuery paging = ListQuery.of(Map.of(
                "page", query.getOrDefault("page", List.of()),
                "per_page", query.getOrDefault("per_page", List.of())));
        Environment environment = environment(first(query, "environment"));
        String search = filter(first(query, "search"), "search");
        String email = filter(first(query, "email"), "email");
        if (email != null && email.length() > UserRequest.MAX_EMAIL) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, "email is longer than " + UserRequest.MAX_EMAIL);
        }
        return new UserListQuery(paging.page(), paging.perPage(), environment, search, email);
    }

    /** {@code production} (the default when absent or empty) or {@code sandbox}; anything else is refused. */
    public static Environment environment(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Environment.PRODUCTION;
        }
        return Environment.byId(raw)
                .orElseThrow(
                        () -> Refusals.invalid(Refusals.INVALID_REQUEST, "environment must be production or sandbox"));
    }

    /** Index of the page's first user. */
    public int first() {
        return (page - 1) * perPage;
    }

    private static String filter(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_SEARCH && !name.equals("email")) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, name + " is longer than " + MAX_SEARCH + " characters");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw Refusals.invalid(Refusals.INVALID_REQUEST, name + " contains control characters");
        }
        return raw.strip();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
