package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Answer to a delete: the organization as it was. */
@JsonPropertyOrder({"deleted", "resource"})
public record DeletedRepresentation(
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("resource") OrganizationRepresentation resource) {}
