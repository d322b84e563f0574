package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.filter.SourceFilter;

/**
 * What a webhook's create or update sets besides its codes and target: which sources it keeps ({@link SourceFilter})
 * and how many deliveries per second it may receive (null: unlimited).
 */
public record DeliveryRules(SourceFilter filter, Integer rateLimitPerSecond) {

    public static final DeliveryRules NONE = new DeliveryRules(SourceFilter.NONE, null);

    public DeliveryRules {
        filter = filter == null ? SourceFilter.NONE : filter;
    }
}
