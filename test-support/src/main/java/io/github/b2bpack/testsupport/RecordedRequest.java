package io.github.b2bpack.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One request as a fake received it: enough to assert the exact wire format a provider sent. */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        long receivedAtMillis) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** First value of a header, case-insensitively; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst()
                .map(e -> e.getValue().isEmpty() ? "" : e.getValue().get(0))
                .orElse(null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
