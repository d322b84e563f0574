package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The headless API of one organization realm as an application's backend calls it: a confidential client with a
 * service account holding the realm role {@code b2bpack-headless} ({@link #BACKEND}), a look-alike client without
 * the role ({@link #OTHER}), client-credentials tokens, and the realm's token endpoint for the code exchange.
 */
final class HeadlessApi {

    static final String ROLE = "b2bpack-headless";
    static final String BACKEND = "it-backend";
    static final String OTHER = "it-other";
    static final String SECRET = "it-backend-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    final SmsOrgRealm org;

    private HeadlessApi(SmsOrgRealm org) {
        this.org = org;
    }

    /** The role, the backend client (with the role) and the other client (without), in {@code org}. */
    static HeadlessApi setUp(SmsOrgRealm org) {
        RealmResource realm = org.admin.realm(org.name);
        RoleRepresentation role = new RoleRepresentation();
        role.setName(ROLE);
        realm.roles().create(role);
        for (String clientId : List.of(BACKEND, OTHER)) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setPublicClient(false);
            client.setSecret(SECRET);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(true);
            client.setDirectAccessGrantsEnabled(false);
            client.setRedirectUris(List.of(org.redirect()));
            realm.clients().create(client).close();
        }
        String backendId = realm.clients().findByClientId(BACKEND).get(0).getId();
        UserRepresentation account = realm.clients().get(backendId).getServiceAccountUser();
        realm.users()
                .get(account.getId())
                .roles()
                .realmLevel()
                .add(List.of(realm.roles().get(ROLE).toRepresentation()));
        return new HeadlessApi(org);
    }

    /** A client-credentials access token of {@code clientId}. */
    String token(String clientId) {
        OidcClient.Response r = OidcClient.postForm(
                org.url() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", SECRET));
        assertEquals(200, r.status(), r.body());
        return r.field("access_token");
    }

    /** The API called with {@code token} (null: no Authorization header). */
    BearerHttp as(String token) {
        return new BearerHttp(
                SmsOrgRealm.SERVER + "/admin/realms/" + org.name + "/b2bpack-headless",
                () -> token,
                Duration.ofSeconds(30));
    }

    BearerHttp backend() {
        return as(token(BACKEND));
    }

    /** The code redeemed at the token endpoint by {@code clientId} with its secret. */
    OidcClient.Response redeem(String clientId, String code, String... extra) {
        Map<String, String> form = new HashMap<>(Map.of(
                "grant_type", "authorization_code", "client_id", clientId, "client_secret", SECRET, "code", code));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        return OidcClient.postForm(org.url() + "/protocol/openid-connect/token", form);
    }

    /** A JSON object of string fields, given as name, value, name, value... */
    static String json(String... fields) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT (not verified: the token endpoint just issued it over TLS). */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(
                    new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
