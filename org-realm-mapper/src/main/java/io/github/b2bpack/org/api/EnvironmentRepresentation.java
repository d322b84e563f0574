package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.EnvironmentStatus;

/**
 * One environment of an organization: {@code production} or {@code sandbox}, {@code up} when its
 * realm exists and is enabled.
 */
@JsonPropertyOrder({"name", "status", "realm"})
public record EnvironmentRepresentation(
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("realm") String realm) {

    public static EnvironmentRepresentation of(Environment environment, EnvironmentStatus status, String slug) {
        return new EnvironmentRepresentation(environment.id(), status.id(), environment.realmName(slug));
    }
}
