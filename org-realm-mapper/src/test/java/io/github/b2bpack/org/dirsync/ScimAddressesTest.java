package io.github.b2bpack.org.dirsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScimAddressesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void userNameAndEveryEmailOfAUser() throws Exception {
        assertEquals(
                List.of("a@acme.example", "b@acme.example", "c@evil.example"),
                ScimAddresses.ofUser(json("{\"userName\":\"a@acme.example\",\"emails\":[{\"value\":\"b@acme.example\","
                        + "\"primary\":true},{\"value\":\"c@evil.example\"}]}")));
        assertEquals(List.of(), ScimAddresses.ofUser(json("{\"userName\":\"bob\"}")));
        assertEquals(List.of("x@y.example"), ScimAddresses.ofUser(json("{\"USERNAME\":\"x@y.example\"}")));
    }

    @Test
    void patchOperationsWithOrWithoutPath() throws Exception {
        JsonNode patch = json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@evil.example\"},"
                + "{\"op\":\"Add\",\"path\":\"emails\",\"value\":[{\"value\":\"b@evil.example\"}]},"
                + "{\"op\":\"replace\",\"value\":{\"userName\":\"c@evil.example\",\"active\":false}},"
                + "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:User:userName\","
                + "\"value\":\"d@evil.example\"},"
                + "{\"op\":\"remove\",\"path\":\"emails\",\"value\":\"e@evil.example\"},"
                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertEquals(
                List.of("a@evil.example", "b@evil.example", "c@evil.example", "d@evil.example"),
                ScimAddresses.ofPatch(patch));
        assertEquals(List.of(), ScimAddresses.ofPatch(json("{\"Operations\":\"x\"}")));
        assertEquals(List.of(), ScimAddresses.ofPatch(json("[]")));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
