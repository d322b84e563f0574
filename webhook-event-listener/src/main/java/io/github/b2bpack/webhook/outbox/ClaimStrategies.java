package io.github.b2bpack.webhook.outbox;

import io.github.b2bpack.webhook.claim.ClaimMode;
import io.github.b2bpack.webhook.claim.ClaimStrategy;
import io.github.b2bpack.webhook.jpa.Jpa;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * The node's {@link ClaimStrategy}: the {@code claim-strategy} option resolved once, at the first claim, against the
 * database Keycloak runs on (its JDBC metadata, read on the claim transaction's own connection).
 */
final class ClaimStrategies {

    private static final Logger LOG = Logger.getLogger(ClaimStrategies.class);

    private final ClaimMode mode;
    private volatile ClaimStrategy strategy;

    ClaimStrategies(ClaimMode mode) {
        this.mode = mode;
    }

    ClaimStrategy of(KeycloakSession session) {
        ClaimStrategy s = strategy;
        if (s == null) {
            s = resolve(session);
            strategy = s;
        }
        return s;
    }

    private ClaimStrategy resolve(KeycloakSession session) {
        if (mode != ClaimMode.AUTO) {
            LOG.infof("webhook deliveries are claimed with %s (claim-strategy=%s)", mode.code(), mode.code());
            return mode.resolve(null, 0, 0);
        }
        try {
            return Jpa.entityManager(session).callWithConnection((Connection c) -> {
                DatabaseMetaData db = c.getMetaData();
                ClaimStrategy s = mode.resolve(
                        db.getDatabaseProductName(), db.getDatabaseMajorVersion(), db.getDatabaseMinorVersion());
                LOG.infof(
                        "webhook deliveries are claimed with %s on %s %s (claim-strategy=auto)",
                        s.code(), db.getDatabaseProductName(), db.getDatabaseProductVersion());
                return s;
            });
        } catch (RuntimeException e) {
            // The portable claim is correct on every database; only its throughput under contention is lower.
            LOG.warnf(
                    "webhook claims fall back to %s: the database could not be identified (%s)",
                    ClaimStrategy.CONDITIONAL_UPDATE.code(), e.toString());
            return ClaimStrategy.CONDITIONAL_UPDATE;
        }
    }
}
