package io.github.b2bpack.webhook.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimSqlTest {

    private static final String DUE = "((STATE IN ('available', 'retryable') AND NEXT_ATTEMPT_AT <= ?)"
            + " OR (STATE = 'executing' AND CLAIMED_UNTIL < ?))";

    @Test
    void dueWithoutLocksForTheConditionalUpdate() {
        SqlStatement s = ClaimSql.UNQUALIFIED.due(ClaimStrategy.CONDITIONAL_UPDATE, 1000, 100, Set.of());
        assertEquals(
                "SELECT ID, REALM_ID FROM B2BPACK_WEBHOOK_DELIVERY WHERE " + DUE + " ORDER BY NEXT_ATTEMPT_AT LIMIT ?",
                s.sql());
        assertEquals(List.of(1000L, 1000L, 100), s.parameters());
    }

    @Test
    void dueLockedAndSkippingWithSkipLocked() {
        Set<String> skip = new LinkedHashSet<>(List.of("r1", "r2"));
        SqlStatement s = ClaimSql.UNQUALIFIED.due(ClaimStrategy.SKIP_LOCKED, 7, 5, skip);
        assertEquals(
                "SELECT ID, REALM_ID FROM B2BPACK_WEBHOOK_DELIVERY WHERE " + DUE
                        + " AND REALM_ID NOT IN (?, ?) ORDER BY NEXT_ATTEMPT_AT LIMIT ? FOR UPDATE SKIP LOCKED",
                s.sql());
        assertEquals(List.of(7L, 7L, "r1", "r2", 5), s.parameters());
    }

    @Test
    void claimRepeatsTheDueTestAndKeepsTheFirstAttempt() {
        SqlStatement s = ClaimSql.UNQUALIFIED.claim(List.of("a", "b", "c"), "tok", 10, 70);
        assertEquals(
                "UPDATE B2BPACK_WEBHOOK_DELIVERY SET STATE = 'executing', CLAIM_TOKEN = ?, CLAIMED_UNTIL = ?,"
                        + " ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, FIRST_ATTEMPT_AT = COALESCE(FIRST_ATTEMPT_AT, ?)"
                        + " WHERE ID IN (?, ?, ?) AND " + DUE,
                s.sql());
        assertEquals(List.of("tok", 70L, 10L, 10L, "a", "b", "c", 10L, 10L), s.parameters());
    }

    @Test
    void wonGoesThroughThePrimaryKey() {
        SqlStatement s = ClaimSql.UNQUALIFIED.won(List.of("a", "b"), "tok");
        assertEquals("SELECT ID FROM B2BPACK_WEBHOOK_DELIVERY WHERE ID IN (?, ?) AND CLAIM_TOKEN = ?", s.sql());
        assertEquals(List.of("a", "b", "tok"), s.parameters());
    }

    @Test
    void noValueEverEntersTheSqlText() {
        SqlStatement s = ClaimSql.UNQUALIFIED.claim(List.of("x'); DROP TABLE T; --"), "t'", 1, 2);
        assertFalse(s.sql().contains("DROP"));
        assertTrue(s.parameters().contains("x'); DROP TABLE T; --"));
    }

    @Test
    void emptyOrNonsenseInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClaimSql.UNQUALIFIED.claim(List.of(), "t", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ClaimSql.UNQUALIFIED.won(List.of(), "t"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClaimSql.UNQUALIFIED.due(ClaimStrategy.SKIP_LOCKED, 1, 0, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new SqlStatement("SELECT ?", List.of()));
    }

    @Test
    void theTableMayBeSchemaQualifiedButNothingElse() {
        assertTrue(ClaimSql.on("kc.B2BPACK_WEBHOOK_DELIVERY")
                .won(List.of("a"), "t")
                .sql()
                .startsWith("SELECT ID FROM kc.B2BPACK_WEBHOOK_DELIVERY WHERE"));
        assertThrows(IllegalArgumentException.class, () -> ClaimSql.on("kc.T; DROP TABLE X"));
        assertThrows(IllegalArgumentException.class, () -> ClaimSql.on("a.b.c"));
        assertThrows(IllegalArgumentException.class, () -> ClaimSql.on(null));
    }
}
