package dev.samokoder.services.auth;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.ItemNotFoundException;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import dev.samokoder.core.storage.VersionConflictException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per subject (a user, or an IP on public routes), kept in DynamoDB so every
 * Lambda instance sees the same bucket. The bucket holds up to {@code burst} tokens and refills
 * at {@code perMinute}; a request takes one. Updates are optimistic (version), so two instances
 * never both spend the last token.
 */
public final class RateLimiter {

    /** Whether a request may go ahead, and if not, when it may. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }

    static final String TYPE = "RateBucket";

    private final SingleTable table;
    private final double tokensPerMilli;
    private final int burst;
    private final Clock clock;
    private final OptimisticRetry retry;

    public RateLimiter(SingleTable table, int perMinute, int burst, Clock clock) {
        this(table, perMinute, burst, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a request whose take of a token lost the race to another of its subject looks again */
    public RateLimiter(SingleTable table, int perMinute, int burst, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    public Decision acquire(String subject) {
        Key key = Keys.rateBucket(subject);
        // another request of the same subject took a token in between: look again; heavy contention on one
        // subject means that subject is by definition sending a lot
        return retry.get(attempt -> acquireOnce(key), contention -> new Decision(false, Duration.ofSeconds(1)),
                VersionConflictException.class, ItemAlreadyExistsException.class, ItemNotFoundException.class);
    }

    /** One take: the bucket refilled for the time since it was written, written back under its version. */
    private Decision acquireOnce(Key key) {
        long now = clock.millis();
        Optional<Attributes> stored = table.get(key).map(Attributes::of);
        double tokens = burst;
        long version = 0;
        if (stored.isPresent()) {
            long elapsed = Math.max(0, now - stored.get().number("updatedAt"));
            tokens = Math.min(burst, stored.get().decimal("tokens").doubleValue() + elapsed * tokensPerMilli);
            version = stored.get().version();
        }
        if (tokens < 1) {
            long waitMillis = (long) Math.ceil((1 - tokens) / tokensPerMilli);
            return new Decision(false, Duration.ofMillis(Math.max(1, waitMillis)));
        }
        long fullAgainMillis = (long) Math.ceil((burst - (tokens - 1)) / tokensPerMilli);
        var item = Attributes.item(key, TYPE, version + 1)
                .decimal("tokens", new BigDecimal(tokens - 1, MathContext.DECIMAL64))
                .number("updatedAt", now)
                .number(TableSchema.TTL, (now + fullAgainMillis) / 1000 + 60)
                .build();
        if (stored.isEmpty()) {
            table.create(key, item);
        } else {
            table.replace(key, item, version);
        }
        return Decision.allow();
    }
}
