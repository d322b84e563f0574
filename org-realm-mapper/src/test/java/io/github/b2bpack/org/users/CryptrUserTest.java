package io.github.b2bpack.org.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptrUserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static UserSnapshot lyla(Long updatedAt) {
        return new UserSnapshot(
                "d6a46443-c7bc-4259-aa5d-ce51cc548b57",
                "lyla@loirama.co",
                "lyla@loirama.co",
                false,
                true,
                1683726635000L,
                updatedAt,
                Map.of(
                        "firstName", List.of("Lyla"),
                        "lastName", List.of("Bloggs"),
                        "nickname", List.of("lylaB"),
                        "phoneNumber", List.of("+33123456789"),
                        "country", List.of("FR"),
                        "street", List.of("165 avenue de Bretagne"),
                        "b2bpack.meta.uid", List.of("2fa42937"),
                        "b2bpack.meta.Bad", List.of("ignored"),
                        "unrelated", List.of("ignored")),
                List.of(new UserSnapshot.Identity("azure", "abc", "lyla")));
    }

    /** As Keycloak's REST layer configures its mapper: null properties and null map entries left out. */
    private static final ObjectMapper KEYCLOAK_LIKE =
            new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @Test
    void mapsWhatKeycloakHoldsOntoCryptrsUserShape() throws Exception {
        JsonNode user =
                JSON.readTree(KEYCLOAK_LIKE.writeValueAsString(CryptrUser.of(lyla(null), "loirama", "sandbox")));
        JsonNode expected = JSON.readTree("""
                {"__domain__":"loirama","__environment__":"sandbox","__type__":"User","active":true,
                 "address":{"country":"FR","street_address":"165 avenue de Bretagne"},
                 "email":"lyla@loirama.co","email_verified":false,"id":"d6a46443-c7bc-4259-aa5d-ce51cc548b57",
                 "identities":[{"provider":"azure","user_id":"abc","username":"lyla"}],
                 "inserted_at":"2023-05-10T13:50:35Z","meta_data":[{"key":"uid","value":"2fa42937"}],
                 "phone_number":"+33123456789","phone_number_verified":false,"phone_numbers":[],
                 "profile":{"given_name":"Lyla","family_name":"Bloggs","nickname":"lylaB","birthdate":null,
                            "gender":null,"locale":null,"zoneinfo":null,"picture":null,"website":null,
                            "preferred_username":"lyla@loirama.co"},
                 "updated_at":"2023-05-10T13:50:35Z"}
                """);
        assertEquals(expected, user);
        List<String> order = List.of(
                "__domain__",
                "__environment__",
                "__type__",
                "active",
                "address",
                "email",
                "email_verified",
                "id",
                "identities",
                "inserted_at",
                "meta_data",
                "phone_number",
                "phone_number_verified",
                "phone_numbers",
                "profile",
                "updated_at");
        List<String> names = new java.util.ArrayList<>();
        user.fieldNames().forEachRemaining(names::add);
        assertEquals(order, names, "Cryptr's key order");
    }

    @Test
    void noAddressIsNullAndTheEventCopyMasksThePhoneNumber() {
        UserSnapshot bare = new UserSnapshot("id", "u", null, true, false, null, 5L, Map.of(), List.of());
        CryptrUser user = CryptrUser.of(bare, "d", "production");
        assertEquals(null, user.address());
        assertEquals(null, user.insertedAt());
        assertEquals("1970-01-01T00:00:00.005Z", user.updatedAt());
        assertEquals(
                "…89", CryptrUser.of(lyla(2L), "d", "production").forEvent().phoneNumber());
    }
}
