package io.github.b2bpack.sms.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    /**
     * Attack: one client holds a whole IPv6 /64 (what an ISP or a cloud VM gets) and sends every SMS from
     * a new address of it. Keyed by the full address, each of them had its own 20 slots of the per-IP cap.
     */
    @Test
    void addressesOfOneIpv6Slash64ShareThePerIpCap() {
        MapSlotStore store = new MapSlotStore();
        Cap perIp = new Cap("ip", 20, 3600);
        int granted = 0;
        for (int i = 1; i <= 40; i++) {
            String address = "2001:db8:1:2:" + Integer.toHexString(i) + ":0:0:" + Integer.toHexString(7 * i);
            if (Budgets.claim(store, "b2bpack-sms:budget:ip:r:" + ClientAddress.budgetSubject(address), perIp, 0)
                    != null) {
                granted++;
            }
        }
        System.out.println("40 sends from 40 addresses of one IPv6 /64, per-IP cap 20: " + granted + " granted");
        assertEquals(20, granted);
    }

    @Test
    void subjects() {
        // Spellings of one /64 agree; another /64 is another subject.
        assertEquals(
                ClientAddress.budgetSubject("2001:db8:1:2::1"), ClientAddress.budgetSubject("2001:DB8:1:2:ffff:0:0:9"));
        assertEquals(ClientAddress.budgetSubject("2001:db8:1:2::1"), ClientAddress.budgetSubject("[2001:db8:1:2::5]"));
        assertEquals(ClientAddress.budgetSubject("fe80::1%eth0"), ClientAddress.budgetSubject("fe80::2"));
        assertNotEquals(ClientAddress.budgetSubject("2001:db8:1:2::1"), ClientAddress.budgetSubject("2001:db8:1:3::1"));
        // IPv4 and IPv4-mapped IPv6 are one address.
        assertEquals("203.0.113.7", ClientAddress.budgetSubject("203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.budgetSubject("::ffff:203.0.113.7"));
        assertNotEquals(ClientAddress.budgetSubject("203.0.113.7"), ClientAddress.budgetSubject("203.0.113.8"));
        assertEquals("unknown", ClientAddress.budgetSubject(null));
        assertEquals("unknown", ClientAddress.budgetSubject(" "));
        // Not an address (a proxy header passed through): never resolved, kept bounded and distinct.
        String odd = ClientAddress.budgetSubject("evil.example.com");
        assertTrue(odd.startsWith("other:") && odd.length() <= 80, odd);
        assertTrue(ClientAddress.budgetSubject("x".repeat(10_000)).length() <= 80);
        assertNotEquals(ClientAddress.budgetSubject("a.example"), ClientAddress.budgetSubject("b.example"));
    }
}
