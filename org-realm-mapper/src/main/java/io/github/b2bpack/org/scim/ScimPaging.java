package io.github.b2bpack.org.scim;

/**
 * RFC 7644 section 3.4.2.4 paging values as Keycloak's SCIM resource can take them: a {@code startIndex} below 1
 * is 1 and a negative {@code count} is 0 (the RFC's reading; Keycloak would turn them into a negative offset),
 * and a value that is not an integer is a 400 rather than JAX-RS's 404.
 */
final class ScimPaging {

    private ScimPaging() {}

    static Integer startIndex(String value) {
        return startIndex(integer(value, "startIndex"));
    }

    static Integer startIndex(Integer value) {
        return value == null ? null : Math.max(1, value);
    }

    static Integer count(String value) {
        return count(integer(value, "count"));
    }

    static Integer count(Integer value) {
        return value == null ? null : Math.max(0, value);
    }

    private static Integer integer(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ScimErrors.error(400, "invalidValue", name + " must be an integer");
        }
    }
}
