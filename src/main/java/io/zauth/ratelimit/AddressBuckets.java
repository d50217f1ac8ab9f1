package io.zauth.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The bucket a client address's failures are counted in: an IPv4 address alone, an IPv6 address
 * with the network prefix its holder controls. Anyone given a /64 (the usual end-site or even
 * single-host assignment) can send from 2^64 addresses, so counting each /128 alone would let them
 * spread guesses without limit.
 */
final class AddressBuckets {

    private final int ipv6PrefixLength;

    AddressBuckets(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("zauth.rate-limit.ipv6-prefix-length must be between 1 and 128");
        }
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    /** {@code address:<ipv4>} or {@code address:<ipv6 network>/<prefix>}; anything else as it came. */
    String of(String clientAddress) {
        InetAddress address = ClientAddresses.literal(clientAddress);
        if (address instanceof Inet4Address) {
            return "address:" + address.getHostAddress();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int bit = ipv6PrefixLength; bit < 128; bit++) {
                bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            try {
                return "address:" + InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return "address:" + clientAddress;
    }
}
