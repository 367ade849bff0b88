package dev.samokoder.services.preview;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the owner of a project reaches its live preview. The previewed app is untrusted code, served
 * from an origin that is not the platform's, so it must never see the platform's tokens: the API
 * issues the signed-in owner a one-time ticket ({@link #TICKET_TTL}); the preview origin redeems it
 * once and keeps, in an HttpOnly cookie of its own, a preview session signed here, which it checks on
 * every request and which opens that one preview only. Anyone without it gets 404 there.
 *
 * <p>A ticket is {@value #TICKET_PREFIX} and 256 random bits, stored only as its SHA-256 with who it is
 * for, and redeemed by a conditional delete, so it works once, also when two redeem it at the same
 * moment; a ticket presented at another preview is refused and spent. A session is
 * {@code previewId.userId.projectId.expiry} and an HMAC-SHA256 of them under a key of its own
 * (derived from the server secret it is given, which never leaves the platform).
 */
public final class PreviewAccess {

    public static final Duration TICKET_TTL = Duration.ofSeconds(60);
    public static final String TICKET_PREFIX = "pt_";
    static final String TYPE = "PreviewTicket";
    private static final Pattern TICKET = Pattern.compile("pt_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who may see which preview, until when. */
    public record Grant(String userId, String projectId, String previewId, Instant expiresAt) {
    }

    /** A ticket, shown once to its owner (in the preview's address); never logged. */
    public record IssuedTicket(String ticket, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedTicket[ticket=(hidden), expiresAt=" + expiresAt + "]";
        }
    }

    private final SingleTable table;
    private final byte[] sessionKey;
    private final Duration sessionTtl;
    private final Clock clock;

    /**
     * @param serverSecret a secret of the platform's, at least 32 bytes (the API-key pepper serves); the session
     *                     key is derived from it for this purpose only
     * @param sessionTtl   how long a redeemed ticket's session lasts (the preview's hard maximum, at most)
     */
    public PreviewAccess(SingleTable table, byte[] serverSecret, Duration sessionTtl, Clock clock) {
        if (serverSecret.length < 32) {
            throw new IllegalArgumentException("the server secret must be at least 32 bytes");
        }
        this.table = table;
        this.sessionKey = hmac(serverSecret, "samokoder preview session v1".getBytes(StandardCharsets.UTF_8));
        this.sessionTtl = Objects.requireNonNull(sessionTtl, "sessionTtl");
        this.clock = clock;
    }

    /** A ticket for the owner to open the preview with; the caller has checked that they own the project. */
    public IssuedTicket issue(String userId, String projectId, String previewId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String ticket = TICKET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = clock.instant().plus(TICKET_TTL);
        Key key = Keys.previewTicket(sha256(ticket));
        table.create(key, Attributes.item(key, TYPE, 1)
                .string("userId", userId)
                .string("projectId", projectId)
                .string("previewId", previewId)
                .instant("expiresAt", expiresAt)
                .number(TableSchema.TTL, expiresAt.getEpochSecond() + 60)
                .build());
        return new IssuedTicket(ticket, expiresAt);
    }

    /** The grant of a ticket presented at {@code previewId}, once; empty when unknown, used, expired or for another preview. */
    public Optional<Grant> redeem(String ticket, String previewId) {
        if (ticket == null || !TICKET.matcher(ticket).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return table.take(Keys.previewTicket(sha256(ticket))).map(Attributes::of)
                .filter(stored -> stored.string("previewId").equals(previewId))
                .filter(stored -> now.isBefore(stored.instant("expiresAt")))
                .map(stored -> new Grant(stored.string("userId"), stored.string("projectId"), previewId, now.plus(sessionTtl)));
    }

    /** The value of the preview origin's HttpOnly cookie for a grant. */
    public String session(Grant grant) {
        String claims = grant.previewId() + "." + grant.userId() + "." + grant.projectId() + "." + grant.expiresAt().getEpochSecond();
        return claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(sessionKey, claims.getBytes(StandardCharsets.UTF_8)));
    }

    /** The grant a session cookie proves for {@code previewId}; empty when forged, altered, expired or for another preview. */
    public Optional<Grant> verify(String session, String previewId) {
        if (session == null) {
            return Optional.empty();
        }
        String[] parts = session.split("\\.", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        String claims = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] expected = hmac(sessionKey, claims.getBytes(StandardCharsets.UTF_8));
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[4]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, presented) || !parts[0].equals(previewId)) {
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return clock.instant().isBefore(expiresAt)
                ? Optional.of(new Grant(parts[1], parts[2], parts[0], expiresAt))
                : Optional.empty();
    }

    private static String sha256(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
