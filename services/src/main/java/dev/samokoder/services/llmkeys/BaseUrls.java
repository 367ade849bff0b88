package dev.samokoder.services.llmkeys;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a stored openai-compatible key may send the platform's requests. The platform calls that
 * URL from inside its own network, so a URL naming a loopback, private, link-local (the cloud
 * metadata service) or otherwise internal address is refused unless the operator allows it
 * ({@code SAMOKODER_LLM_KEY_PRIVATE_BASE_URLS}). Names are checked as written, not resolved: see
 * docs/security.md for what that leaves open.
 */
final class BaseUrls {

    private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "metadata", "metadata.google.internal", "instance-data");

    private BaseUrls() {
    }

    /** Why the URL may not be used, or empty when it may. */
    static Optional<String> problem(URI url, boolean privateAllowed) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            return Optional.of("must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not hold a user name or password (store the key as apiKey)");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("must not have a query or a fragment");
        }
        if (privateAllowed) {
            return Optional.empty();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (INTERNAL_NAMES.contains(host) || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
            return Optional.of("must not name an internal host");
        }
        if (isIpLiteral(host)) {
            try {
                InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)
                        || isCarrierGradeNat(address)) {
                    return Optional.of("must not be a loopback, private or link-local address");
                }
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid address");
            }
        } else if (host.matches("[0-9.]+") || host.matches("0x.*")) {
            return Optional.of("is not a valid address"); // 2130706433, 0x7f.1 and friends: numeric forms some resolvers accept
        }
        return Optional.empty();
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
