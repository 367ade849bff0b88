package dev.samokoder.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headers on every API response: HSTS, no sniffing, no referrer, a CSP that lets nothing load or
 * frame (the API serves data, never pages), no caching of personal data; and CORS headers only
 * for the configured origins.
 */
public final class SecurityHeaders {

    static final Map<String, String> ALWAYS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    private final List<String> corsOrigins;

    public SecurityHeaders(List<String> corsOrigins) {
        this.corsOrigins = List.copyOf(corsOrigins);
    }

    Map<String, String> forRequest(ApiRequest request) {
        return forOrigin(request.header("origin"));
    }

    /**
     * The headers of a response to a request from {@code origin}: the security headers, and the
     * CORS ones when the origin is configured. The local gateway adds the same to the answers it
     * gives itself (no route, no token, a refused token, a preflight), so that no API response
     * goes out without them.
     */
    public Map<String, String> forOrigin(Optional<String> origin) {
        Map<String, String> headers = new LinkedHashMap<>(ALWAYS);
        origin.filter(corsOrigins::contains).ifPresent(allowed -> {
            headers.put("Access-Control-Allow-Origin", allowed);
            headers.put("Access-Control-Expose-Headers", "ETag, Retry-After, WWW-Authenticate, apigw-requestid");
            headers.put("Vary", "Origin");
        });
        return headers;
    }

    /** True when a browser on this origin may call the API (for answering CORS preflights). */
    public boolean allows(String origin) {
        return corsOrigins.contains(origin);
    }
}
