package io.github.b2bpack.org.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SsoPureLogicTest {

    @Test
    void providerTypesAreCryptrsWithTheirProtocolAndAttributeNames() {
        assertEquals(
                ProviderType.Protocol.SAML,
                ProviderType.byId("saml.azure_ad").orElseThrow().protocol());
        assertEquals(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                ProviderType.byId("SAML.ADFS").orElseThrow().names().email());
        assertEquals(
                "firstName",
                ProviderType.byId("saml.okta").orElseThrow().names().firstName());
        assertEquals(
                "User.LastName",
                ProviderType.byId("saml.onelogin").orElseThrow().names().lastName());
        assertEquals(
                "oidc",
                ProviderType.byId("oidc.google").orElseThrow().protocol().keycloakProviderId());
        assertEquals(
                "family_name",
                ProviderType.byId("oidc.generic").orElseThrow().names().lastName());
        assertTrue(ProviderType.byId("saml.unknown").isEmpty());
        assertTrue(ProviderType.byId(null).isEmpty());
    }

    @Test
    void policiesAreCryptrsThreeWithProvisioningByDefault() {
        assertEquals(UsersAccessPolicy.PROVISION_NEW_USERS, UsersAccessPolicy.DEFAULT);
        assertEquals(
                UsersAccessPolicy.ONLY_REGISTERED_USERS,
                UsersAccessPolicy.byId(" only_registered_users ").orElseThrow());
        assertEquals(
                UsersAccessPolicy.UNREGISTERED_USERS_ALLOWED,
                UsersAccessPolicy.byId("unregistered_users_allowed").orElseThrow());
        assertTrue(UsersAccessPolicy.byId("everyone").isEmpty());
    }

    @Test
    void idsNameTheirOrganizationAndAreRandom() {
        String id = SsoConnectionIds.next("barker-inc");
        assertTrue(id.matches("barker_inc_[1-9A-HJ-NP-Za-km-z]{22}"), id);
        assertEquals(Optional.of("barker-inc"), SsoConnectionIds.slugOf(id));
        assertFalse(id.equals(SsoConnectionIds.next("barker-inc")));
        assertEquals(Optional.of("barker-inc"), SsoConnectionIds.slugOf("barker_inc_S6f5ndf8mZqfoBKoxEotMV"));
        assertTrue(SsoConnectionIds.slugOf("barker_inc_short").isEmpty());
        assertTrue(SsoConnectionIds.slugOf("../x_S6f5ndf8mZqfoBKoxEotMV").isEmpty());
        assertTrue(SsoConnectionIds.slugOf(null).isEmpty());
    }

    @Test
    void metadataUrlsMustBeHttpsToPublicAddresses() throws Exception {
        MetadataUrls.Resolver publicHost = host -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        assertEquals(
                "idp.example.com",
                MetadataUrls.check("https://idp.example.com/metadata", Set.of(), publicHost)
                        .getHost());
        assertThrows(
                IllegalArgumentException.class,
                () -> MetadataUrls.check("http://idp.example.com/metadata", Set.of(), publicHost));
        assertThrows(
                IllegalArgumentException.class,
                () -> MetadataUrls.check("https://user:pw@idp.example.com/", Set.of(), publicHost));
        assertThrows(
                IllegalArgumentException.class, () -> MetadataUrls.check("file:///etc/passwd", Set.of(), publicHost));
        assertThrows(IllegalArgumentException.class, () -> MetadataUrls.check(" ", Set.of(), publicHost));
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1"
        }) {
            MetadataUrls.Resolver resolver = host -> new InetAddress[] {InetAddress.getByName(address)};
            assertThrows(
                    IllegalArgumentException.class,
                    () -> MetadataUrls.check("https://idp.example.com/m", Set.of(), resolver),
                    address);
        }
        // One private address among public ones is enough to refuse.
        MetadataUrls.Resolver mixed =
                host -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.1")};
        assertThrows(
                IllegalArgumentException.class, () -> MetadataUrls.check("https://idp.example.com/", Set.of(), mixed));
        MetadataUrls.Resolver unknown = host -> {
            throw new UnknownHostException(host);
        };
        assertThrows(
                IllegalArgumentException.class,
                () -> MetadataUrls.check("https://nowhere.invalid/", Set.of(), unknown));
        // An exempted host is not resolved at all (host names compare case-insensitively).
        assertEquals(
                8443,
                MetadataUrls.check("https://LOCALHOST:8443/realms/idp", Set.of("localhost"), unknown)
                        .getPort());
    }
}
