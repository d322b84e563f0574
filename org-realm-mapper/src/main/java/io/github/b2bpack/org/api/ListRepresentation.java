package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A page of organizations or users, newest first, in Cryptr's list shape. */
@JsonPropertyOrder({"__type__", "data", "pagination", "total"})
public record ListRepresentation(
        @JsonProperty("__type__") String type,
        @JsonProperty("data") List<?> data,
        @JsonProperty("pagination") Pagination pagination,
        @JsonProperty("total") long total) {

    public static final String TYPE = "List";

    /** Cryptr sends {@code null} neighbours rather than leaving the keys out. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"current_page", "next_page", "per_page", "prev_page", "total_pages"})
    public record Pagination(
            @JsonProperty("current_page") int currentPage,
            @JsonProperty("next_page") Integer nextPage,
            @JsonProperty("per_page") int perPage,
            @JsonProperty("prev_page") Integer prevPage,
            @JsonProperty("total_pages") long totalPages) {

        /** Page numbers for {@code total} items at {@code perPage} per page, viewing page {@code current}. */
        public static Pagination of(int current, int perPage, long total) {
            long pages = (total + perPage - 1) / perPage;
            Integer next = current < pages ? current + 1 : null;
            Integer prev = current > 1 ? (int) Math.min(current - 1, Math.max(pages, 1)) : null;
            return new Pagination(current, next, perPage, prev, pages);
        }
    }
}
