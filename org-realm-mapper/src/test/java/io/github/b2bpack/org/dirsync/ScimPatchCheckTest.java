package io.github.b2bpack.org.dirsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScimPatchCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wellFormedPatchesPass() throws Exception {
        for (String ops : new String[] {
            "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}",
            "{\"op\":\"Replace\",\"value\":{\"active\":true}}",
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"x\"}]}",
            "{\"op\":\"remove\",\"path\":\"members[value eq \\\"x\\\"]\"}",
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@b.example\"}"
        }) {
            assertTrue(ScimPatchCheck.check(patch(ops)).isEmpty(), ops);
        }
    }

    @Test
    void whatKeycloakWouldAnswer500IsRefused() throws Exception {
        assertEquals("invalidValue", type("{\"op\":\"add\",\"path\":\"active\"}"));
        assertEquals("invalidValue", type("{\"op\":\"replace\",\"path\":\"active\",\"value\":null}"));
        assertEquals("invalidValue", type("{\"op\":\"replace\",\"value\":\"x\"}"));
        assertEquals("invalidPath", type("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"w\\\"\",\"value\":1}"));
        assertEquals("invalidPath", type("{\"op\":\"replace\",\"path\":\"[x]\",\"value\":1}"));
        assertEquals("invalidPath", type("{\"op\":\"replace\",\"path\":5,\"value\":1}"));
        assertEquals("noTarget", type("{\"op\":\"remove\"}"));
        assertEquals("invalidSyntax", type("{\"op\":\"explode\",\"path\":\"active\"}"));
        assertEquals("invalidSyntax", type("\"x\""));
        assertEquals(
                "invalidSyntax",
                ScimPatchCheck.check(JSON.readTree("{\"Operations\":[]}"))
                        .orElseThrow()
                        .scimType());
        assertEquals(
                "invalidSyntax",
                ScimPatchCheck.check(JSON.readTree("{\"schemas\":[],\"Operations\":[]}"))
                        .orElseThrow()
                        .scimType());
    }

    private static String type(String operation) throws Exception {
        return ScimPatchCheck.check(patch(operation)).orElseThrow().scimType();
    }

    private static com.fasterxml.jackson.databind.JsonNode patch(String operation) throws Exception {
        return JSON.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}");
    }
}
