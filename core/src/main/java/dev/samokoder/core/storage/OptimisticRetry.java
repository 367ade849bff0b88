package dev.samokoder.core.storage;

import dev.samokoder.core.config.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The one optimistic read-modify-write loop. An attempt reads what it needs (with its version),
 * computes, and writes on condition that nothing changed since. When the write loses that race
 * (the caller names the exceptions that say so: a version conflict, a failed condition, a
 * cancelled transaction), the attempt runs again, on fresh data, after a {@link Backoff} pause,
 * up to the {@link RetryPolicy}'s attempts. When they are spent, or a pause is interrupted (the
 * interrupt flag is then set again), the caller says what contention means in its own terms: its
 * named exception, or an answer. Any other exception passes through at once, untouched.
 */
public final class OptimisticRetry {

    /** One try: read, compute, write. {@code attempt} counts from 1, so a first try may use what the caller read already. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt);
    }

    /** {@link Attempt} of a write that answers nothing. */
    @FunctionalInterface
    public interface VoidAttempt {
        void run(int attempt);
    }

    /** How a pause is waited out; tests pass one that only records it. */
    @FunctionalInterface
    public interface Sleeper {

        Sleeper THREAD = Thread::sleep;

        void sleep(Duration pause) throws InterruptedException;
    }

    /**
     * Why the retries ended with nothing written.
     *
     * @param attempts     the tries made
     * @param lastConflict what the last try's write failed with
     * @param interrupted  true when a pause was interrupted before the tries were spent
     */
    public record Contention(int attempts, RuntimeException lastConflict, boolean interrupted) {

        /** Throws the last try's conflict, as a caller that reports contention with it does. */
        public <T> T rethrow() {
            throw lastConflict;
        }
    }

    private final RetryPolicy policy;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public OptimisticRetry(RetryPolicy policy) {
        this(policy, Sleeper.THREAD);
    }

    public OptimisticRetry(RetryPolicy policy, Sleeper sleeper) {
        this(policy, sleeper, null);
    }

    /** @param random draws the jitter; null: the calling thread's {@link ThreadLocalRandom} */
    OptimisticRetry(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.backoff = Backoff.of(policy);
        this.sleeper = sleeper;
        this.random = random;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt} until it returns, retrying it while it fails with one of {@code conflicts}.
     *
     * @param whenContended what the call answers (or throws) when the tries are spent or a pause was interrupted
     */
    @SafeVarargs
    public final <T> T get(Attempt<T> attempt, Function<Contention, T> whenContended, Class<? extends RuntimeException>... conflicts) {
        List<Class<? extends RuntimeException>> races = List.of(conflicts);
        if (races.isEmpty()) {
            throw new IllegalArgumentException("name the exceptions that mean the write lost the race");
        }
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run(tries);
            } catch (RuntimeException failure) {
                if (races.stream().noneMatch(race -> race.isInstance(failure))) {
                    throw failure;
                }
                if (tries >= policy.attempts()) {
                    return whenContended.apply(new Contention(tries, failure, false));
                }
                try {
                    sleeper.sleep(backoff.delay(tries, random != null ? random : ThreadLocalRandom.current()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return whenContended.apply(new Contention(tries, failure, true));
                }
            }
        }
    }

    /**
     * {@link #get} of a write that answers nothing.
     *
     * @param whenContended the exception the call throws when the tries are spent or a pause was interrupted
     */
    @SafeVarargs
    public final void run(VoidAttempt attempt, Function<Contention, ? extends RuntimeException> whenContended,
                          Class<? extends RuntimeException>... conflicts) {
        get(tries -> {
            attempt.run(tries);
            return null;
        }, contention -> {
            throw whenContended.apply(contention);
        }, conflicts);
    }
}
