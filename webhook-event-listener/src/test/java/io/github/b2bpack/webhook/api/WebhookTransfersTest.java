package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTransfersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final String WEBHOOK = "{\"id\":\"a\",\"providerId\":\"b2bpack-webhooks\",\"config\":"
            + "{\"name\":[\"crm\"],\"target_url\":[\"https://crm.example\"],\"event_codes\":[\"user.*\",\"admin.*\"],"
            + "\"signing_key\":[\"**********\"]}}";
    private static final String OTHER_PAGE = "{\"id\":\"b\",\"providerId\":\"another-page\",\"config\":{}}";

    private static List<WebhookTransfers.Source> parse(String json) throws Exception {
        return WebhookTransfers.parseExport(JSON.readTree(json));
    }

    @Test
    void readsAPartialExportItsComponentsEntryOrAList() throws Exception {
        String list = "[" + WEBHOOK + "," + OTHER_PAGE + "]";
        for (String body : List.of(
                "{\"realm\":\"x\",\"components\":{\"" + TYPE + "\":" + list + "}}",
                "{\"" + TYPE + "\":" + list + "}",
                list)) {
            List<WebhookTransfers.Source> sources = parse(body);
            assertEquals(1, sources.size(), body);
            assertEquals("a", sources.get(0).id());
            assertEquals(List.of("user.*", "admin.*"), sources.get(0).config().get("event_codes"));
        }
        assertEquals(0, parse("{\"realm\":\"x\",\"components\":{}}").size());
    }

    @Test
    void refusesWhatIsNotAComponentList() {
        assertThrows(ApiException.class, () -> parse("{\"" + TYPE + "\":{}}"));
        assertThrows(ApiException.class, () -> parse("[1]"));
        assertThrows(ApiException.class, () -> parse("[{\"config\":{\"name\":{\"x\":1}}}]"));
        assertThrows(ApiException.class, () -> parse("[{}]"));
    }
}
