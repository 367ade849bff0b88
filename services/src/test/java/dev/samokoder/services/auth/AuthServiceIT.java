package dev.samokoder.services.auth;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.EmailAlreadyRegisteredException;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import dev.samokoder.core.validation.ValidationException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Registration and login against DynamoDB Local: lockout, and what a login tells about an email. */
@ExtendWith(LocalAwsExtension.class)
class AuthServiceIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static AuthService auth(Storage storage, PasswordHasher hasher, int maxFailures, Clock clock) {
        return new AuthService(storage.users(), hasher, new PasswordPolicy(),
                new AccessTokens(SigningKeys.generate(), "https://samokoder.test", "samokoder-api", AccessTokens.DEFAULT_TTL, clock),
                AccessTokens.DEFAULT_TTL, new RefreshTokens(storage.table(), Duration.ofDays(30), clock),
                new LoginThrottle(storage.table(), maxFailures, WINDOW, clock));
    }

    private static PasswordHasher cheapHasher() {
        return new PasswordHasher(new Argon2Params(1024, 1, 1));
    }

    private static String email() {
        return Ids.newId("u") + "@example.com";
    }

    @Test
    void emailsAreNormalized_soOneMailboxIsOneAccount(LocalAws aws) {
        AuthService auth = auth(aws.storage(), cheapHasher(), 5, Clock.systemUTC());
        String local = Ids.newId("u");

        User user = auth.register("  " + local.toUpperCase() + "@Example.COM ", PASSWORD, Optional.empty());

        assertThat(user.email()).isEqualTo(local + "@example.com");
        assertThat(auth.login(local + "@EXAMPLE.com", PASSWORD).userId()).isEqualTo(user.id());
        assertThatThrownBy(() -> auth.register(local + "@example.com", PASSWORD, Optional.empty()))
                .isInstanceOf(EmailAlreadyRegisteredException.class);

        // one accented address, typed with a composed and with a decomposed é
        User rene = auth.register(local + "-ren\u00e9@example.com", PASSWORD, Optional.empty());
        assertThat(auth.login(local + "-RENE\u0301@example.com", PASSWORD).userId()).isEqualTo(rene.id());
        assertThatThrownBy(() -> auth.register(local + "-rene\u0301@example.com", PASSWORD, Optional.empty()))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
    }

    @Test
    void registrationRefusesAPasswordThatIsShortTheEmailOrCommon(LocalAws aws) {
        AuthService auth = auth(aws.storage(), cheapHasher(), 5, Clock.systemUTC());
        String email = email();

        for (String weak : List.of("short1234", email.toUpperCase(), "password123")) {
            assertThatThrownBy(() -> auth.register(email, weak, Optional.empty()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(error -> error.field()).containsOnly("password"));
        }
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheEmailForFifteenMinutes_whetherOrNotItHasAnAccount(LocalAws aws) {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        AuthService auth = auth(aws.storage(clock), cheapHasher(), 5, clock);
        String known = email();
        auth.register(known, PASSWORD, Optional.empty());
        String unknown = email();

        for (String email : List.of(known, unknown)) {
            for (int i = 0; i < 5; i++) {
                failedLogin(auth, email);
                clock.advance(Duration.ofMinutes(2)); // five failures in 10 minutes
            }
        }
        clock.advance(Duration.ofMinutes(1)); // the unknown email's fifth failure was 3 minutes ago

        // the right password does not help while the lock lasts; the answer says how long it lasts
        assertThatThrownBy(() -> auth.login(known, PASSWORD)).isInstanceOfSatisfying(LoginLockedException.class,
                e -> assertThat(e.retryAfter()).isLessThanOrEqualTo(WINDOW).isGreaterThan(WINDOW.minusMinutes(14)));
        assertThatThrownBy(() -> auth.login(unknown, PASSWORD)).isInstanceOfSatisfying(LoginLockedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(WINDOW.minusMinutes(3)));

        // fifteen minutes after the fifth failure the lock is over
        clock.advance(WINDOW.minusMinutes(3).minusSeconds(1));
        assertThatThrownBy(() -> auth.login(unknown, PASSWORD)).isInstanceOf(LoginLockedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> auth.login(unknown, PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
        assertThat(auth.login(known, PASSWORD).userId()).isNotBlank();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock_andASuccessfulLoginClearsThem(LocalAws aws) {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
        AuthService auth = auth(aws.storage(clock), cheapHasher(), 5, clock);
        String email = email();
        auth.register(email, PASSWORD, Optional.empty());

        for (int i = 0; i < 4; i++) {
            failedLogin(auth, email);
        }
        clock.advance(WINDOW); // the window of those four is over
        failedLogin(auth, email);
        assertThat(auth.login(email, PASSWORD).userId()).isNotBlank();

        for (int i = 0; i < 4; i++) { // four more after the success: the count started again
            failedLogin(auth, email);
        }
        assertThat(auth.login(email, PASSWORD).userId()).isNotBlank();
    }

    /**
     * An unknown email costs what a known email with a wrong password costs, because the server
     * runs one Argon2id verification either way (against a dummy hash when there is no account).
     * Measured as CPU time of the calling thread, where Argon2id runs (parallelism 1): waiting on
     * DynamoDB and load from other processes do not count there, so the measurement is steady on
     * a busy CI machine, where wall-clock medians of the two paths drifted apart by one DynamoDB
     * round trip. With the configured parameters (OWASP's, the defaults) one verification is tens
     * of milliseconds of CPU; without the dummy verification an unknown email would cost about
     * one millisecond, which this test would see.
     */
    @Test
    void anUnknownEmailCostsAsMuchAsAWrongPassword_becauseArgon2RunsForBoth(LocalAws aws) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        PasswordHasher hasher = new PasswordHasher(Argon2Params.defaults());
        AuthService auth = auth(aws.storage(), hasher, 1_000, Clock.systemUTC());
        String known = email();
        auth.register(known, PASSWORD, Optional.empty());
        String storedHash = aws.storage().users().findByEmail(known).orElseThrow().passwordHash();

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        List<Long> oneVerification = new ArrayList<>();
        for (int i = 0; i < 15; i++) { // interleaved, so that whatever changes on the machine hits all three alike
            boolean measured = i >= 3; // the first rounds warm up the JIT and the connections
            long wrong = cpuMillis(threads, () -> failedLogin(auth, known));
            long unknown = cpuMillis(threads, () -> failedLogin(auth, email()));
            long verify = cpuMillis(threads, () -> hasher.verify("a wrong password", storedHash));
            if (measured) {
                wrongPassword.add(wrong);
                unknownEmail.add(unknown);
                oneVerification.add(verify);
            }
        }

        // the least CPU each path took: what its code costs. A median moved on a busy 2-core machine, where the
        // compiler threads fall behind and a path can still run interpreted for several rounds (249 ms against 47)
        long argon2 = least(oneVerification);
        String costs = "least CPU: wrong password %s ms, unknown email %s ms, one verification %s ms"
                .formatted(least(wrongPassword), least(unknownEmail), argon2);
        assertThat(argon2).as("one Argon2id verification must be noticeable for the measurement to tell; " + costs)
                .isGreaterThanOrEqualTo(5);
        assertThat(least(unknownEmail)).as("an unknown email runs a verification; " + costs)
                .isGreaterThanOrEqualTo(argon2 * 3 / 4);
        assertThat(least(wrongPassword)).as("a wrong password runs a verification; " + costs)
                .isGreaterThanOrEqualTo(argon2 * 3 / 4);
        // the two paths differ by the user lookup's CPU; what must not happen is a whole verification more on one path
        assertThat(Math.abs(least(wrongPassword) - least(unknownEmail))).as(costs)
                .isLessThan(argon2);
    }

    private static Object failedLogin(AuthService auth, String email) {
        assertThatThrownBy(() -> auth.login(email, "a wrong password")).isInstanceOf(InvalidCredentialsException.class);
        return null;
    }

    private static long cpuMillis(ThreadMXBean threads, Supplier<Object> action) {
        long start = threads.getCurrentThreadCpuTime();
        action.get();
        return (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    }

    private static long least(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }
}
