package io.github.b2bpack.webhook.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Lists of names in a column as a JSON array (client ids may hold any character): null for an empty list. */
final class StringLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private StringLists() {}

    static String write(List<String> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings did not serialise", e);
        }
    }

    static List<String> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored list is not a JSON array of strings", e);
        }
    }
}
