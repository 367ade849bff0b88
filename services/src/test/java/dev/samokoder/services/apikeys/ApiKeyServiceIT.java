package dev.samokoder.services.apikeys;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class ApiKeyServiceIT {

    private LocalAws aws;
    private ApiKeySecrets secrets;
    private String userId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        secrets = new ApiKeySecrets(pepper);
        userId = Ids.newId("usr");
    }

    private ApiKeyService service(long quota, Clock clock) {
        return new ApiKeyService(aws.clients().dynamoDb(), aws.storage().table(), secrets, quota, 3, clock);
    }

    @Test
    void aKeyIsShownOnce_storedOnlyAsAKeyedHash_andAuthenticatesToItsUserAndScopes() {
        ApiKeyService keys = service(100, Clock.systemUTC());

        IssuedApiKey issued = keys.create(userId, "CI", EnumSet.of(ApiScope.PROJECTS_READ, ApiScope.RUNS_WRITE), Optional.empty());

        assertThat(issued.secret()).matches("sk_[0-9A-Za-z]{43}");
        assertThat(issued.key().prefix()).isEqualTo(issued.secret().substring(0, 11));
        assertThat(issued.toString()).doesNotContain(issued.secret());
        var stored = aws.storage().table().get(Keys.apiKey(userId, issued.key().id())).orElseThrow();
        assertThat(stored.toString()).doesNotContain(issued.secret()).doesNotContain(issued.secret().substring(11));
        assertThat(keys.authenticate(issued.secret())).contains(
                new ApiKeyPrincipal(userId, issued.key().id(), EnumSet.of(ApiScope.PROJECTS_READ, ApiScope.RUNS_WRITE)));
        assertThat(keys.authenticate(issued.secret().substring(0, 45) + (issued.secret().endsWith("a") ? "b" : "a"))).isEmpty();
        assertThat(keys.authenticate("not a key")).isEmpty();
        // another pepper (another platform, or a stolen table alone) cannot recognise the key
        byte[] otherPepper = new byte[32];
        ApiKeyService elsewhere = new ApiKeyService(aws.clients().dynamoDb(), aws.storage().table(), new ApiKeySecrets(otherPepper), 100, 3,
                Clock.systemUTC());
        assertThat(elsewhere.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void revokingTakesEffectAtOnce() {
        ApiKeyService keys = service(100, Clock.systemUTC());
        IssuedApiKey issued = keys.create(userId, "CI", EnumSet.of(ApiScope.PROJECTS_READ), Optional.empty());
        keys.recordUse(userId, issued.key().id());

        keys.revoke(userId, issued.key().id());

        assertThat(keys.authenticate(issued.secret())).isEmpty();
        assertThat(keys.list(userId)).isEmpty();
        assertThatThrownBy(() -> keys.recordUse(userId, issued.key().id())).isInstanceOf(ApiKeyRevokedException.class);
        assertThatThrownBy(() -> keys.revoke(userId, issued.key().id())).isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> keys.revoke(Ids.newId("usr"), issued.key().id())).isInstanceOf(ApiKeyNotFoundException.class);
    }

    @Test
    void anExpiredKeyIsRefused() {
        Instant now = Instant.parse("2026-03-15T10:00:00Z");
        IssuedApiKey issued = service(100, Clock.fixed(now, ZoneOffset.UTC))
                .create(userId, "short", EnumSet.of(ApiScope.PROJECTS_READ), Optional.of(now.plusSeconds(60)));

        assertThat(service(100, Clock.fixed(now.plusSeconds(59), ZoneOffset.UTC)).authenticate(issued.secret())).isPresent();
        assertThat(service(100, Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC)).authenticate(issued.secret())).isEmpty();
    }

    @Test
    void theMonthlyQuotaHoldsUnderConcurrency_andANewMonthStartsAfresh() throws Exception {
        Instant march = Instant.parse("2026-03-31T23:00:00Z");
        ApiKeyService keys = service(10, Clock.fixed(march, ZoneOffset.UTC));
        IssuedApiKey issued = keys.create(userId, "batch", EnumSet.of(ApiScope.PROJECTS_READ), Optional.empty());

        // 25 requests at once against a quota of 10
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            results.add(pool.submit((Callable<Boolean>) () -> {
                try {
                    keys.recordUse(userId, issued.key().id());
                    return true;
                } catch (ApiKeyQuotaExceededException e) {
                    assertThat(e.retryAfter().toMinutes()).isEqualTo(60);
                    return false;
                }
            }));
        }
        long allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(allowed).isEqualTo(10);
        ApiKey listed = keys.list(userId).getFirst();
        assertThat(listed.usageMonth()).contains("2026-03");
        assertThat(listed.usageCount()).isEqualTo(10);
        assertThat(listed.lastUsedAt()).contains(march);
        // April: the count starts again
        ApiKeyService april = service(10, Clock.fixed(Instant.parse("2026-04-01T00:00:01Z"), ZoneOffset.UTC));
        april.recordUse(userId, issued.key().id());
        assertThat(april.list(userId).getFirst().usageCount()).isEqualTo(1);
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfKeys() {
        ApiKeyService keys = service(100, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            keys.create(userId, "k" + i, EnumSet.of(ApiScope.USAGE_READ), Optional.empty());
        }

        assertThatThrownBy(() -> keys.create(userId, "one too many", EnumSet.of(ApiScope.USAGE_READ), Optional.empty()))
                .isInstanceOf(TooManyApiKeysException.class);
    }
}
