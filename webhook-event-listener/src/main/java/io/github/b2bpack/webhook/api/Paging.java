package io.github.b2bpack.webhook.api;

/** {@code page} (1-based, default 1) and {@code per_page} (1–100, default 20) query parameters. */
record Paging(int page, int perPage) {

    static final int MAX_PER_PAGE = 100;

    static Paging parse(String page, String perPage) {
        return new Paging(number("page", page, 1, 1, 1_000_000), number("per_page", perPage, 20, 1, MAX_PER_PAGE));
    }

    int first() {
        return (page - 1) * perPage;
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max);
    }
}
