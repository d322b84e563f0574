package io.github.b2bpack.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void refusesInternalAddressesByDefault() throws Exception {
        AddressPolicy policy = AddressPolicy.parse("");
        for (String internal : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.100.100.200",
            "::1",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "224.0.0.1",
            "255.255.255.255"
        }) {
            assertFalse(policy.permits(ip(internal)), internal);
        }
        assertTrue(policy.permits(ip("93.184.216.34")));
        assertTrue(policy.permits(ip("2606:2800:220:1:248:1893:25c8:1946")));
    }

    @Test
    void allowListOpensOnlyItsBlocks() throws Exception {
        AddressPolicy policy = AddressPolicy.parse("127.0.0.0/8, 10.20.0.0/16");
        assertTrue(policy.permits(ip("127.0.0.1")));
        assertTrue(policy.permits(ip("10.20.5.6")));
        assertFalse(policy.permits(ip("10.21.0.1")));
        assertFalse(policy.permits(ip("169.254.169.254")));
        assertFalse(policy.permits(ip("::1")));
    }

    /** As DNS returns them: Inet6Address objects, which InetAddress.getByName would not give for ::ffff:a.b.c.d. */
    @Test
    void refusesIpv6FormsEmbeddingAnInternalIpv4() {
        AddressPolicy policy = AddressPolicy.parse("");
        for (String v6 : new String[] {
            "::ffff:a9fe:a9fe",
            "::ffff:7f00:1",
            "::ffff:a00:1",
            "::ffff:0:a9fe:a9fe",
            "::a9fe:a9fe",
            "::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b::c0a8:1",
            "64:ff9b:1:a9fe:a9fe::",
            "64:ff9b:1::a9fe:a9fe",
            "2002:a9fe:a9fe::1",
            "2002:7f00:1::",
            "2001:0:808:808::5601:5601",
            "2001:0:a9fe:a9fe::f7f7:f7f7",
            "2001:0:808:808::80ff:fffe"
        }) {
            assertFalse(policy.permits(Ipv6.of(v6)), v6);
        }
    }

    @Test
    void transitionFormsOfPublicIpv4ArePermitted() {
        AddressPolicy policy = AddressPolicy.parse("");
        for (String v6 :
                new String[] {"::ffff:5db8:d822", "64:ff9b::5db8:d822", "2002:5db8:d822::1", "2001:0:808:808::f7f7:f7f7"
                }) {
            assertTrue(policy.permits(Ipv6.of(v6)), v6);
        }
    }

    @Test
    void allowListEntriesMustBeAddresses() {
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.parse("10.0.0.0/33"));
    }
}
