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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Account lockout: after {@code maxFailures} failed logins for one email within {@code window},
 * logins for that email are refused for {@code window}. Counted per email whether or not an
 * account has it, so the lock itself does not reveal which emails are registered.
 */
public final class LoginThrottle {

    static final String TYPE = "LoginAttempts";

    private final SingleTable table;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final OptimisticRetry retry;

    public LoginThrottle(SingleTable table, int maxFailures, Duration window, Clock clock) {
        this(table, maxFailures, window, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a failure whose count lost the race to another failed login of the email counts again */
    public LoginThrottle(SingleTable table, int maxFailures, Duration window, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /** How much longer logins for this email are locked, if they are. */
    public Optional<Duration> lockedFor(String normalizedEmail) {
        long now = clock.millis();
        return table.get(Keys.loginAttempts(normalizedEmail))
                .map(item -> Attributes.of(item).number("lockedUntil"))
                .filter(lockedUntil -> lockedUntil > now)
                .map(lockedUntil -> Duration.ofMillis(lockedUntil - now));
    }

    public void recordFailure(String normalizedEmail) {
        Key key = Keys.loginAttempts(normalizedEmail);
        // another failed login for the same email at the same moment: count again on fresh data
        retry.run(attempt -> recordFailureOnce(key),
                contention -> new IllegalStateException("could not record a failed login after " + contention.attempts() + " attempts"),
                VersionConflictException.class, ItemAlreadyExistsException.class, ItemNotFoundException.class);
    }

    /** One count: the failures within the window (a lock past the limit), written under the version read. */
    private void recordFailureOnce(Key key) {
        long now = clock.millis();
        Optional<Attributes> current = table.get(key).map(Attributes::of);
        long failures = 1;
        long windowStart = now;
        long lockedUntil = 0;
        long version = 0;
        if (current.isPresent()) {
            Attributes stored = current.get();
            version = stored.version();
            lockedUntil = stored.number("lockedUntil");
            if (now - stored.number("windowStart") < window.toMillis()) {
                failures = stored.number("failures") + 1;
                windowStart = stored.number("windowStart");
            }
        }
        if (failures >= maxFailures) {
            lockedUntil = now + window.toMillis();
            failures = 0;
            windowStart = now;
        }
        var item = Attributes.item(key, TYPE, version + 1)
                .number("failures", failures)
                .number("windowStart", windowStart)
                .number("lockedUntil", lockedUntil)
                .number(TableSchema.TTL, (Math.max(now, lockedUntil) + window.toMillis()) / 1000 + 1)
                .build();
        if (current.isEmpty()) {
            table.create(key, item);
        } else {
            table.replace(key, item, version);
        }
    }

    /** A successful login clears the failures. */
    public void reset(String normalizedEmail) {
        Key key = Keys.loginAttempts(normalizedEmail);
        table.get(key).ifPresent(item -> {
            try {
                table.delete(key, Attributes.of(item).version());
            } catch (VersionConflictException | ItemNotFoundException concurrent) {
                // a concurrent failure was recorded; it counts, which is the safe side
            }
        });
    }
}
