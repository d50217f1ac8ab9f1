package io.zauth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressBucketsTest {

    private final AddressBuckets perSlash64 = new AddressBuckets(64);

    @Test
    void ipv4IsCountedPerAddress() {
        assertEquals("address:198.51.100.7", perSlash64.of("198.51.100.7"));
        assertNotEquals(perSlash64.of("198.51.100.7"), perSlash64.of("198.51.100.8"));
    }

    @Test
    void ipv6IsCountedPerSlash64ByDefault() {
        assertEquals("address:2001:db8:7:7:0:0:0:0/64", perSlash64.of("2001:db8:7:7::1"));
        assertEquals(perSlash64.of("2001:db8:7:7::1"), perSlash64.of("2001:db8:7:7:ffff:ffff:ffff:ffff"));
        assertNotEquals(perSlash64.of("2001:db8:7:7::1"), perSlash64.of("2001:db8:7:8::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertEquals("address:198.51.100.7", perSlash64.of("::ffff:198.51.100.7"));
    }

    @Test
    void thePrefixLengthIsConfigurable() {
        AddressBuckets perSlash56 = new AddressBuckets(56);
        assertEquals(perSlash56.of("2001:db8:7:700::1"), perSlash56.of("2001:db8:7:7ff::1"));
        assertEquals("address:2001:db8:7:7:0:0:0:1/128", new AddressBuckets(128).of("2001:db8:7:7::1"));
        assertThrows(IllegalArgumentException.class, () -> new AddressBuckets(0));
        assertThrows(IllegalArgumentException.class, () -> new AddressBuckets(129));
    }
}
