package dev.samokoder.services.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures over a raw body, in the two forms senders use:
 * <ul>
 *   <li>ours, {@code Samokoder-Signature: t=<unix seconds>,v1=<hex>}, over {@code "<t>.<body>"}: the
 *       timestamp is signed, so an old delivery cannot be replayed once it is out of tolerance;</li>
 *   <li>GitHub's, {@code X-Hub-Signature-256: sha256=<hex>}, over the body alone.</li>
 * </ul>
 * The key is the secret string's UTF-8 bytes (what a user pastes into GitHub's "Secret" field).
 * Comparisons are constant-time ({@link MessageDigest#isEqual}).
 */
public final class WebhookSignatures {

    public static final String SAMOKODER_HEADER = "samokoder-signature";
    public static final String GITHUB_HEADER = "x-hub-signature-256";
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_HEADER_LENGTH = 1024;

    private WebhookSignatures() {
    }

    /** The {@code Samokoder-Signature} header value for a body sent at {@code time}. */
    public static String sign(String secret, Instant time, byte[] body) {
        long t = time.getEpochSecond();
        return "t=" + t + ",v1=" + HEX.formatHex(hmac(secret, signedPayload(t, body)));
    }

    /** GitHub's {@code X-Hub-Signature-256} header value for a body. */
    public static String signGitHub(String secret, byte[] body) {
        return "sha256=" + HEX.formatHex(hmac(secret, body));
    }

    /**
     * Checks whichever signature the request carries (ours first, when both are there).
     *
     * @return the signature's hex digest, which names the delivery when the sender gives no id
     * @throws InvalidSignatureException when there is none, it is malformed, or it does not match
     * @throws StaleSignatureException when ours is valid but its timestamp is outside {@code tolerance}
     */
    public static String verify(String secret, Optional<String> samokoderHeader, Optional<String> gitHubHeader, byte[] body,
                                Instant now, Duration tolerance) {
        if (samokoderHeader.isPresent()) {
            return verifySamokoder(secret, samokoderHeader.get(), body, now, tolerance);
        }
        if (gitHubHeader.isPresent()) {
            return verifyGitHub(secret, gitHubHeader.get(), body);
        }
        throw new InvalidSignatureException("the request has no Samokoder-Signature or X-Hub-Signature-256 header");
    }

    private static String verifySamokoder(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new InvalidSignatureException("the Samokoder-Signature header is too long");
        }
        Long timestamp = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=") && timestamp == null) {
                try {
                    timestamp = Long.parseLong(item.substring(2));
                } catch (NumberFormatException e) {
                    throw new InvalidSignatureException("the Samokoder-Signature timestamp is not a number");
                }
            } else if (item.startsWith("v1=")) {
                parseHex(item.substring(3)).ifPresent(candidates::add);
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            throw new InvalidSignatureException("the Samokoder-Signature header must be t=<unix seconds>,v1=<hex>");
        }
        byte[] expected = hmac(secret, signedPayload(timestamp, body));
        byte[] matched = null;
        for (byte[] candidate : candidates) { // several v1 values while a sender rotates its secret
            if (MessageDigest.isEqual(expected, candidate)) {
                matched = candidate;
            }
        }
        if (matched == null) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            throw new StaleSignatureException(tolerance);
        }
        return HEX.formatHex(matched);
    }

    private static String verifyGitHub(String secret, String header, byte[] body) {
        String value = header.strip();
        if (!value.startsWith("sha256=") || value.length() > MAX_HEADER_LENGTH) {
            throw new InvalidSignatureException("the X-Hub-Signature-256 header must be sha256=<hex>");
        }
        byte[] candidate = parseHex(value.substring("sha256=".length()))
                .orElseThrow(() -> new InvalidSignatureException("the X-Hub-Signature-256 header must be sha256=<hex>"));
        if (!MessageDigest.isEqual(hmac(secret, body), candidate)) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
        return HEX.formatHex(candidate);
    }

    private static Optional<byte[]> parseHex(String hex) {
        if (hex.length() != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] signedPayload(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return payload;
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
