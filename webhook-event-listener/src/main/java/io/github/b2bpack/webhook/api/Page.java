package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of a list answer. */
record Page<T>(
        List<T> data, int page, @JsonProperty("per_page") int perPage, long total) {}
