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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket per subject (a user, an API key, or an IP on public routes), kept in DynamoDB so
 * every Lambda instance sees the same bucket. The bucket holds up to {@code burst} tokens and
 * refills at {@code perMinute}; a request takes one. Updates are optimistic (version), so two
 * instances never both spend the last token.
 *
 * <p>A busy subject does not pay a bucket write per request: an instance takes tokens for it in a
 * small lease, as many as the subject sent it in about the last second (at most a quarter of the
 * burst and {@link #MAX_LEASE}), and spends them locally for up to {@link #LEASE_LIFETIME}. What is
 * left of an expired lease goes back into the bucket with the instance's next take, in the same
 * write, so a steady client spends exactly one token per request. Every allowed request spent a
 * token of the shared bucket, so the limit is never exceeded; tokens leased to an instance the
 * subject never comes back to are lost to it (at most one lease per instance). A subject sending
 * one request at a time takes one token at a time, exactly as without leases.
 */
public final class RateLimiter {

    /** Whether a request may go ahead, and if not, when it may. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }

    static final String TYPE = "RateBucket";
    /** The most tokens an instance takes from one subject's bucket at once. */
    static final int MAX_LEASE = 20;
    /** How long an instance spends a lease; what is left of it then goes back with the next take. */
    static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);
    /** Subjects whose lease and recent rate one instance remembers; beyond it they are forgotten (which only costs writes). */
    private static final int MAX_REMEMBERED_SUBJECTS = 10_000;

    private final SingleTable table;
    private final double tokensPerMilli;
    private final int burst;
    private final int maxLease;
    private final Clock clock;
    private final OptimisticRetry retry;
    private final Map<String, Local> local = new ConcurrentHashMap<>();

    public RateLimiter(SingleTable table, int perMinute, int burst, Clock clock) {
        this(table, perMinute, burst, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a request whose take of a token lost the race to another of its subject looks again */
    public RateLimiter(SingleTable table, int perMinute, int burst, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.maxLease = Math.clamp(burst / 4, 1, MAX_LEASE);
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    public Decision acquire(String subject) {
        if (local.size() > MAX_REMEMBERED_SUBJECTS) {
            local.clear();
        }
        Local state = local.computeIfAbsent(subject, s -> new Local());
        // a lock, not a monitor: the local gateway's virtual threads wait here while one takes a lease over the network
        state.lock.lock();
        try {
            long now = clock.millis();
            int recent = state.arrived(now);
            if (state.leased > 0 && now < state.leaseEnds) {
                state.leased--;
                return Decision.allow();
            }
            int wanted = Math.clamp(recent, 1, maxLease);
            int unspent = state.leased; // of the lease that ran out: back into the bucket with this take
            Key key = Keys.rateBucket(subject);
            // another instance took tokens of the same subject in between: look again; heavy contention on one
            // subject means that subject is by definition sending a lot
            Take take = retry.get(attempt -> takeOnce(key, wanted, unspent), contention -> Take.refused(Duration.ofSeconds(1)),
                    VersionConflictException.class, ItemAlreadyExistsException.class, ItemNotFoundException.class);
            if (take.tokens() == 0) {
                return new Decision(false, take.retryAfter()); // (refused only when nothing was unspent either)
            }
            state.leased = take.tokens() - 1;
            state.leaseEnds = now + LEASE_LIFETIME.toMillis();
            return Decision.allow();
        } finally {
            state.lock.unlock();
        }
    }

    /** What one instance knows of a subject: the lease it holds, and how many requests it got in this second and the last. */
    private static final class Local {
        final ReentrantLock lock = new ReentrantLock();
        int leased;
        long leaseEnds;
        long second;
        int thisSecond;
        int lastSecond;

        /** Counts a request; the number that arrived in about the last second, this one included. */
        int arrived(long nowMillis) {
            long now = nowMillis / 1000;
            if (now != second) {
                lastSecond = now == second + 1 ? thisSecond : 0;
                thisSecond = 0;
                second = now;
            }
            thisSecond++;
            return thisSecond + lastSecond;
        }
    }

    /** Tokens taken from the bucket (none: refused, and when to come back). */
    private record Take(int tokens, Duration retryAfter) {
        static Take refused(Duration retryAfter) {
            return new Take(0, retryAfter);
        }
    }

    /**
     * One take of up to {@code wanted} tokens, giving back {@code unspent} ones of an expired lease: the bucket refilled
     * for the time since it was written, written back under its version.
     */
    private Take takeOnce(Key key, int wanted, int unspent) {
        long now = clock.millis();
        Optional<Attributes> stored = table.get(key).map(Attributes::of);
        double tokens = burst;
        long version = 0;
        if (stored.isPresent()) {
            long elapsed = Math.max(0, now - stored.get().number("updatedAt"));
            tokens = Math.min(burst, stored.get().decimal("tokens").doubleValue() + elapsed * tokensPerMilli + unspent);
            version = stored.get().version();
        }
        if (tokens < 1) {
            long waitMillis = (long) Math.ceil((1 - tokens) / tokensPerMilli);
            return Take.refused(Duration.ofMillis(Math.max(1, waitMillis)));
        }
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        long fullAgainMillis = (long) Math.ceil((burst - (tokens - taken)) / tokensPerMilli);
        var item = Attributes.item(key, TYPE, version + 1)
                .decimal("tokens", new BigDecimal(tokens - taken, MathContext.DECIMAL64))
                .number("updatedAt", now)
                .number(TableSchema.TTL, (now + fullAgainMillis) / 1000 + 60)
                .build();
        if (stored.isEmpty()) {
            table.create(key, item);
        } else {
            table.replace(key, item, version);
        }
        return new Take(taken, Duration.ZERO);
    }
}
