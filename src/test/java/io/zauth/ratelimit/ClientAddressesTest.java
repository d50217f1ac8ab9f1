package io.zauth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.1", direct.resolve("198.51.100.1", List.of("203.0.113.9")));
    }

    @Test
    void anUntrustedPeerCannotNameAnotherAddress() {
        assertEquals("198.51.100.1", behindProxies.resolve("198.51.100.1", List.of("203.0.113.9")));
    }

    @Test
    void theNearestUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", behindProxies.resolve("10.0.0.5", List.of("1.1.1.1, 203.0.113.9, 10.9.9.9")));
        assertEquals("203.0.113.9", behindProxies.resolve("192.0.2.1", List.of("1.1.1.1", "203.0.113.9")));
    }

    @Test
    void namesAndGarbageAreNeverResolved() {
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of("evil.example.com")));
        assertEquals("10.9.9.9", behindProxies.resolve("10.0.0.5", List.of("junk, 10.9.9.9")));
    }

    @Test
    void ipv6RangesMatch() {
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxies.resolve("fd12::1", List.of("2001:db8::1")));
        assertEquals("0:0:0:0:0:0:0:1", direct.resolve("::1", List.of("2001:db8::1")));
    }

    @Test
    void misconfiguredProxiesStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example.com")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
    }
}
