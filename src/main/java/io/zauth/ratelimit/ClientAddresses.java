package io.zauth.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address: the connection's peer, or, when the peer is a configured trusted proxy,
 * the nearest address in X-Forwarded-For that is not itself a trusted proxy. Reading the header
 * from the right matters: every proxy appends the address it saw, so only the entries added by
 * our own proxies can be believed, and anything to their left may be the client's invention.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trusted;

    @Inject
    ClientAddresses(RateLimitConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                ranges.add(Range.parse(proxy.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** Whether the connection's peer is one of the trusted proxies, whose forwarding headers are believed. */
    public boolean fromTrustedProxy(HttpServerRequest request) {
        if (trusted.isEmpty() || request.remoteAddress() == null) {
            return false;
        }
        InetAddress peer = literal(request.remoteAddress().hostAddress());
        return peer != null && isTrusted(peer);
    }

    String resolve(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || !isTrusted(peerAddress)) {
            return peerAddress == null ? peer : peerAddress.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Range range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, never a name: resolving a client-supplied name would query DNS. */
    static InetAddress literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches()))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or CIDR range, e.g. 10.0.0.0/8 or ::1. */
    record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
