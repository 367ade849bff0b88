package dev.samokoder.services.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps notifications from reaching into the platform's own network (SSRF): a URL must be
 * {@code https} with a host whose every address is public. Loopback, private (RFC 1918, unique
 * local), shared (CGNAT), link-local (which holds the cloud metadata endpoints 169.254.169.254 and
 * fd00:ec2::254), unspecified, multicast, reserved and documentation ranges are refused, also when
 * written as IPv4-mapped, IPv4-compatible or NAT64 IPv6. The check is made when the URL is saved
 * and again before every send, since a name can be re-pointed after it was checked (DNS rebinding).
 * Hosts on the allow-list skip the address check and may use plain {@code http} (tests, a trusted LAN).
 */
public final class DestinationGuard {

    /** Resolves a host name to all its addresses (the JDK's resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_URL_LENGTH = 2048;

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public DestinationGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public static DestinationGuard system(List<String> allowedHosts) {
        return new DestinationGuard(allowedHosts, InetAddress::getAllByName);
    }

    /** Checks a URL's form and, unless its host is allowed, every address it resolves to. */
    public URI check(String url) {
        URI uri = parse(url);
        checkAddresses(uri);
        return uri;
    }

    /** The resolved addresses of a parsed URL's host, each one checked (run again before each send). */
    public List<InetAddress> checkAddresses(URI uri) {
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("the host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new RefusedDestinationException("the host " + host + " does not resolve");
        }
        if (!allowedHosts.contains(host)) {
            for (InetAddress address : addresses) {
                whyBlocked(address).ifPresent(reason -> {
                    throw new RefusedDestinationException("the host " + host + " resolves to " + reason + " address "
                            + address.getHostAddress() + "; notifications go to public addresses only");
                });
            }
        }
        return List.of(addresses);
    }

    private URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new RefusedDestinationException("the URL must be 1 to " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedDestinationException("the URL is not a valid absolute URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new RefusedDestinationException("the URL must be absolute, with a host: https://example.com/hooks");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestinationException("the URL must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedDestinationException("the URL must not have a #fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHosts.contains(host(uri));
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            throw new RefusedDestinationException("the URL must be https");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Why an address is not a public one ("a loopback"), or empty for a public address. */
    static Optional<String> whyBlocked(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                try {
                    return whyBlocked(InetAddress.getByAddress(embedded.get()));
                } catch (UnknownHostException e) {
                    return Optional.of("a malformed");
                }
            }
            if (v6.isLoopbackAddress()) {
                return Optional.of("a loopback");
            }
            if (v6.isAnyLocalAddress()) {
                return Optional.of("an unspecified");
            }
            if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
                return Optional.of("a link-local");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a private (unique local)");
            }
            if (v6.isMulticastAddress()) {
                return Optional.of("a multicast");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("a documentation");
            }
            return Optional.empty();
        }
        byte[] b = ((Inet4Address) address).getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 127) {
            return Optional.of("a loopback");
        }
        if (first == 0) {
            return Optional.of("an unspecified");
        }
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return Optional.of("a private");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local (cloud metadata)");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a shared (carrier-grade NAT)");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a reserved (IETF protocol)");
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a reserved (benchmarking)");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 2 || first == 198 && second == 51 && (b[2] & 0xff) == 100
                || first == 203 && second == 0 && (b[2] & 0xff) == 113) {
            return Optional.of("a documentation");
        }
        if (first >= 224) {
            return Optional.of("a multicast or reserved");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean zeros10 = true;
        for (int i = 0; i < 10; i++) {
            zeros10 &= b[i] == 0;
        }
        boolean mapped = zeros10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros10 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return Optional.empty();
    }
}
