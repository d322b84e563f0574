package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.admins.CryptrAdmin;

/** Answer to an administrator's delete, as Cryptr's: the administrator as it was. */
@JsonPropertyOrder({"deleted", "resource"})
public record DeletedAdminRepresentation(
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("resource") CryptrAdmin resource) {}
