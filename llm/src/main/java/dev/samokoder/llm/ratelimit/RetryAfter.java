package dev.samokoder.llm.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a provider's "wait this long" hint from response headers: {@code retry-after-ms}
 * (OpenAI), else {@code retry-after} as seconds or an HTTP date (RFC 9110). Header names are
 * matched case-insensitively; a hint that cannot be read counts as no hint.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> fromHeaders(Map<String, List<String>> headers, Clock clock) {
        Optional<String> millis = header(headers, "retry-after-ms");
        if (millis.isPresent()) {
            Optional<Duration> parsed = number(millis.get()).map(ms -> Duration.ofMillis((long) Math.ceil(ms)));
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return header(headers, "retry-after").flatMap(value -> parse(value, clock));
    }

    /** One {@code retry-after} value: delta-seconds or an HTTP date. */
    public static Optional<Duration> parse(String value, Clock clock) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds.get() * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(clock.instant(), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            return parsed >= 0 && Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
