package io.github.b2bpack.sms.directgrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ExemptClientsTest {

    @Test
    void nothingConfiguredExemptsNobody() {
        for (String raw : new String[] {null, "", "   ", "##", " , ,## "}) {
            ExemptClients none = ExemptClients.parse(raw);
            assertTrue(none.clientIds().isEmpty(), String.valueOf(raw));
            assertFalse(none.exempts("admin-cli"));
            assertFalse(none.exempts(""));
            assertFalse(none.exempts(null));
        }
    }

    @Test
    void readsTheAdminConsoleSeparatorAndCommaLists() {
        assertEquals(
                Set.of("legacy-batch", "kiosk"),
                ExemptClients.parse("legacy-batch##kiosk").clientIds());
        assertEquals(
                Set.of("legacy-batch", "kiosk"),
                ExemptClients.parse(" legacy-batch , kiosk ").clientIds());
        assertEquals(Set.of("a", "b", "c"), ExemptClients.parse("a##b, c").clientIds());
    }

    @Test
    void comparesClientIdsExactly() {
        ExemptClients exempt = ExemptClients.parse("legacy-batch");
        assertTrue(exempt.exempts("legacy-batch"));
        assertFalse(exempt.exempts("Legacy-Batch"), "client ids are case-sensitive");
        assertFalse(exempt.exempts("legacy-batch "), "no trimming of the requesting client's id");
        assertFalse(exempt.exempts("legacy"));
        assertFalse(exempt.exempts("admin-cli"));
    }
}
