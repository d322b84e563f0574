package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.OrganizationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRequestTest {

    @Test
    void readsCryptrCreateBodyIntoKeycloakAttributes() {
        UserRequest r = UserRequest.parse("{\"profile\":{\"email\":\"lyla@loirama.co\",\"given_name\":\"Lyla\","
                + "\"family_name\":\"Bloggs\",\"birthdate\":\"1992-03-10\",\"gender\":\"female\",\"locale\":\"fr\","
                + "\"nickname\":\"lylaB\",\"picture\":\"http://www.example.com/avatar.jpeg\","
                + "\"website\":\"http://www.example.com\",\"zoneinfo\":\"France/Lille\",\"phone_number\":\"+33 1 23 45 67 89\","
                + "\"address\":{\"country\":\"FR\",\"formatted\":\"165 avenue de Bretagne\\n59000 Lille, France\","
                + "\"locality\":\"Lille\",\"postal_code\":\"59000\",\"region\":\"Nord\","
                + "\"street_address\":\"165 avenue de Bretagne\"}}}");
        assertEquals("lyla@loirama.co", r.email());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("firstName", "Lyla");
        expected.put("lastName", "Bloggs");
        expected.put("birthdate", "1992-03-10");
        expected.put("gender", "female");
        expected.put("locale", "fr");
        expected.put("nickname", "lylaB");
        expected.put("picture", "http://www.example.com/avatar.jpeg");
        expected.put("website", "http://www.example.com");
        expected.put("zoneinfo", "France/Lille");
        expected.put("phoneNumber", "+33123456789");
        expected.put("country", "FR");
        expected.put("formatted", "165 avenue de Bretagne\n59000 Lille, France");
        expected.put("locality", "Lille");
        expected.put("postal_code", "59000");
        expected.put("region", "Nord");
        expected.put("street", "165 avenue de Bretagne");
        assertEquals(expected, r.attributes());
        assertNull(r.active());
        assertNull(r.emailVerified());
    }

    @Test
    void readsCryptrUpdateBodyWithNullsClearing() {
        UserRequest r = UserRequest.parse("{\"email\":\"lyla@loirama.co\",\"given_name\":\"Lyla\",\"nickname\":null,"
                + "\"address\":{\"region\":null},\"active\":false,\"email_verified\":true}");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("firstName", "Lyla");
        expected.put("nickname", null);
        expected.put("region", null);
        assertEquals(expected, r.attributes());
        assertEquals(false, r.active());
        assertEquals(true, r.emailVerified());
    }

    @Test
    void theSameClaimInBothPlacesMustAgree() {
        assertEquals(
                "Lyla",
                UserRequest.parse("{\"given_name\":\"Lyla\",\"profile\":{\"given_name\":\"Lyla\"}}")
                        .attributes()
                        .get("firstName"));
        assertThrows(
                IllegalArgumentException.class,
                () -> UserRequest.parse("{\"given_name\":\"Lyla\",\"profile\":{\"given_name\":\"Other\"}}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> UserRequest.parse("{\"email\":\"a@b.example\",\"profile\":{\"email\":\"c@b.example\"}}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{",
                "{\"id\":\"x\"}",
                "{\"__type__\":\"User\"}",
                "{\"profile\":[]}",
                "{\"profile\":{\"unknown\":\"x\"}}",
                "{\"address\":{\"street\":\"x\"}}",
                "{\"address\":\"x\"}",
                "{\"email\":\"not-an-email\"}",
                "{\"email\":\"a@b@c\"}",
                "{\"email\":null}",
                "{\"email\":3}",
                "{\"birthdate\":\"10/03/1992\"}",
                "{\"birthdate\":\"1992-02-30\"}",
                "{\"picture\":\"javascript:alert(1)\"}",
                "{\"website\":\"/relative\"}",
                "{\"phone_number\":\"0123456789\"}",
                "{\"locale\":\"fr;DROP\"}",
                "{\"nickname\":\"a\\u0000b\"}",
                "{\"given_name\":{\"x\":1}}",
                "{\"active\":\"yes\"}"
            })
    void refusesMalformedBodies(String body) {
        assertThrows(IllegalArgumentException.class, () -> UserRequest.parse(body));
    }

    @Test
    void refusesOversizeValuesAndBodies() {
        assertThrows(
                IllegalArgumentException.class, () -> UserRequest.parse("{\"nickname\":\"" + "a".repeat(256) + "\"}"));
        assertEquals(
                255,
                UserRequest.parse("{\"nickname\":\"" + "a".repeat(255) + "\"}")
                        .attributes()
                        .get("nickname")
                        .length());
        assertThrows(
                IllegalArgumentException.class,
                () -> UserRequest.parse("{\"nickname\":\"" + "a".repeat(UserRequest.MAX_BODY_CHARS) + "\"}"));
    }

    @Test
    void multiLineAddressFieldsKeepTheirLineBreaksOthersDoNot() {
        assertTrue(UserRequest.parse("{\"address\":{\"street_address\":\"1 rue\\r\\nBât. B\"}}")
                .attributes()
                .get("street")
                .contains("\r\n"));
        assertThrows(IllegalArgumentException.class, () -> UserRequest.parse("{\"address\":{\"locality\":\"a\\nb\"}}"));
    }

    @Test
    void listQueryReadsPagingFiltersAndEnvironment() {
        UserListQuery q = UserListQuery.of(Map.of(
                "page", List.of("2"),
                "per_page", List.of("5"),
                "search", List.of(" lyla "),
                "environment", List.of("sandbox")));
        assertEquals(2, q.page());
        assertEquals(5, q.perPage());
        assertEquals(5, q.first());
        assertEquals("lyla", q.search());
        assertNull(q.email());
        assertEquals(Environment.SANDBOX, q.environment());
        assertEquals(Environment.PRODUCTION, UserListQuery.of(Map.of()).environment());
        assertEquals(10, UserListQuery.of(Map.of()).perPage());
        for (Map<String, List<String>> bad : List.of(
                Map.of("environment", List.of("staging")),
                Map.of("environment", List.of("Production")),
                Map.of("per_page", List.of("101")),
                Map.of("page", List.of("0")),
                Map.of("search", List.of("x".repeat(101))),
                Map.of("email", List.of("a\u0000@b.example")))) {
            OrganizationException e = assertThrows(OrganizationException.class, () -> UserListQuery.of(bad));
            assertEquals("invalid_request", e.code(), bad.toString());
        }
    }
}
