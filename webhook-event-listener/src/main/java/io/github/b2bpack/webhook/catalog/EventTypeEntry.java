package io.github.b2bpack.webhook.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of the catalog.
 *
 * @param code            the webhook event code, or a family of codes with {@code *} (kind {@code family})
 * @param kind            {@code user}, {@code pack}, {@code admin} or {@code family}
 * @param cloudEventsType the CloudEvents {@code type} attribute of this code's deliveries in the cloudevents format
 * @param schema          the JSON Schema (draft 2020-12) of the standard payload; its {@code data} is also the
 *                        CloudEvents {@code data}
 */
public record EventTypeEntry(
        String code,
        String kind,
        String description,
        @JsonProperty("cloudevents_type") String cloudEventsType,
        ObjectNode schema) {}
