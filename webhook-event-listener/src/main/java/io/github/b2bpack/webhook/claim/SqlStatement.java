package io.github.b2bpack.webhook.claim;

import java.util.List;

/**
 * One SQL statement with JDBC-style {@code ?} placeholders and the values that fill them, in order; the server binds
 * them through a JPA native query, the equivalence test through a JDBC {@code PreparedStatement}.
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders for " + parameters.size() + " values");
        }
    }
}
