package io.github.b2bpack.sms.headless.secret;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one headless request. Cryptr's examples send form fields ({@code curl -d}); JSON objects of
 * scalars are read by the caller and handed here as a map. The first value of a repeated field wins; bodies over
 * {@link #MAX_BODY} characters and values over {@link #MAX_VALUE} are refused, so a caller gets a 400, not a
 * server busy parsing.
 */
public final class RequestParams {

    public static final int MAX_BODY = 16_384;
    public static final int MAX_VALUE = 2_048;

    private final Map<String, String> values;

    private RequestParams(Map<String, String> values) {
        this.values = values;
    }

    public static RequestParams of(Map<String, String> values) {
        for (String v : values.values()) {
            if (v != null && v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("a parameter is longer than " + MAX_VALUE + " characters");
            }
        }
        return new RequestParams(Map.copyOf(withoutNulls(values)));
    }

    /** {@code a=1&b=2}, URL-decoded; a malformed escape is a refusal. */
    public static RequestParams form(String body) {
        Map<String, String> values = new HashMap<>();
        if (body != null && !body.isBlank()) {
            if (body.length() > MAX_BODY) {
                throw new IllegalArgumentException("body longer than " + MAX_BODY + " characters");
            }
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            }
        }
        return of(values);
    }

    /** The value, trimmed; empty when absent or blank. */
    public Optional<String> text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The value exactly as sent (passwords keep their spaces); empty when absent or empty. */
    public Optional<String> raw(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** {@code true}/{@code false} (any case); absent means {@code fallback}; anything else is a refusal. */
    public boolean flag(String name, boolean fallback) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.get().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }

    private static Map<String, String> withoutNulls(Map<String, String> in) {
        Map<String, String> out = new HashMap<>();
        in.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
