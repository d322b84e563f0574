package io.github.b2bpack.org.model;

import java.util.List;

/**
 * An organization as the index knows it.
 *
 * @param slug           immutable {@code domain}, also the id and name of the production realm
 * @param emailDomains   normalized allowed email domains, in the operator's order
 * @param createdAt      epoch milliseconds
 * @param updatedAt      epoch milliseconds
 * @param productionUp   index mirror of the production realm's enabled flag
 * @param sandboxUp      index mirror of the sandbox realm's enabled flag
 */
public record Organization(String slug, String name, List<String> emailDomains, long createdAt, long updatedAt,
                           boolean productionUp, boolean sandboxUp) {
}
