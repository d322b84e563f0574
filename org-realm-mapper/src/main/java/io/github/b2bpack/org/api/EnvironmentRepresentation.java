package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One environment of an organization: {@code production} or {@code sandbox}, {@code up} when its
 * realm exists and is enabled.
 */
@JsonPropertyOrder({"name", "status", "realm"})
public record EnvironmentRepresentation(
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("realm") String realm) {

    public static final String PRODUCTION = "production";
    public static final String SANDBOX = "sandbox";
    public static final String UP = "up";
    public static final String DOWN = "down";
}
