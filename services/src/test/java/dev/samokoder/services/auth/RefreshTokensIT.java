package dev.samokoder.services.auth;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refresh tokens against DynamoDB Local: stored hashed, 30 days, rotated on use, reuse ends the family. */
@ExtendWith(LocalAwsExtension.class)
class RefreshTokensIT {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger logger;
    private Storage storage;
    private DynamoDbClient dynamoDb;
    private SamokoderConfig config;
    private RefreshTokens tokens;

    @BeforeEach
    void setUp(LocalAws aws) {
        storage = aws.storage(clock);
        dynamoDb = aws.clients().dynamoDb();
        config = aws.config();
        tokens = new RefreshTokens(storage.table(), THIRTY_DAYS, clock);
        logger = (Logger) LoggerFactory.getLogger(RefreshTokens.class);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(logged);
    }

    @Test
    void aTokenIsOpaqueRandomAndStoredOnlyAsItsSha256() {
        IssuedRefreshToken issued = tokens.startSession("usr_hashed");

        assertThat(issued.token()).matches("rt_[A-Za-z0-9_-]{43}"); // 256 random bits, no structure to read
        assertThat(tokens.startSession("usr_hashed").token()).isNotEqualTo(issued.token());
        String hash = BlobStore.sha256(issued.token().getBytes(StandardCharsets.US_ASCII));
        Map<String, AttributeValue> stored = storage.table().get(Keys.refreshToken(hash)).orElseThrow();
        assertThat(stored.toString()).doesNotContain(issued.token()).doesNotContain(issued.token().substring(3));
        List<Map<String, AttributeValue>> everything = dynamoDb.scanPaginator(r -> r.tableName(config.aws().tableName()))
                .items().stream().toList();
        assertThat(everything).isNotEmpty().allSatisfy(item -> assertThat(item.toString()).doesNotContain(issued.token().substring(3)));
    }

    @Test
    void aTokenLastsThirtyDays() {
        IssuedRefreshToken issued = tokens.startSession("usr_expiry");
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(THIRTY_DAYS));
        IssuedRefreshToken young = tokens.startSession("usr_expiry");

        clock.advance(THIRTY_DAYS.minusMinutes(1));
        IssuedRefreshToken rotated = tokens.rotate(young.token());
        assertThat(rotated.expiresAt()).isEqualTo(clock.instant().plus(THIRTY_DAYS));

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> tokens.rotate(issued.token())).isInstanceOf(InvalidRefreshTokenException.class)
                .hasMessageContaining("expired");
        assertThat(logged.list).isEmpty(); // an expired token is no theft
    }

    @Test
    void eachUseRotatesTheToken_andReusingARotatedOneRevokesTheWholeFamilyAndLogsASecurityEvent() {
        IssuedRefreshToken first = tokens.startSession("usr_reuse");
        IssuedRefreshToken second = tokens.rotate(first.token());
        IssuedRefreshToken third = tokens.rotate(second.token());
        assertThat(List.of(first.token(), second.token(), third.token())).doesNotHaveDuplicates();
        assertThat(third.sessionId()).isEqualTo(first.sessionId());
        assertThat(logged.list).isEmpty();

        // when: the first token comes back (a stolen copy, or the user's after the thief rotated it)
        assertThatThrownBy(() -> tokens.rotate(first.token())).isInstanceOf(InvalidRefreshTokenException.class);

        // then: the whole family is gone, the newest token included, and the event is in the log
        assertThat(tokens.sessionActive(first.sessionId())).isFalse();
        assertThatThrownBy(() -> tokens.rotate(third.token())).isInstanceOf(InvalidRefreshTokenException.class)
                .hasMessageContaining("revoked");
        assertThat(logged.list).hasSize(1);
        ILoggingEvent event = logged.list.getFirst();
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).contains("security event").contains("reuse of an already rotated refresh token")
                .contains(first.sessionId()).contains("usr_reuse")
                .doesNotContain(first.token()).doesNotContain(third.token());
        // another session of the same user lives on
        IssuedRefreshToken otherDevice = tokens.startSession("usr_reuse");
        assertThat(tokens.rotate(otherDevice.token()).sessionId()).isEqualTo(otherDevice.sessionId());
    }

    @Test
    void logoutRevokesTheFamily_whicheverOfItsTokensItIsGiven() {
        IssuedRefreshToken first = tokens.startSession("usr_logout");
        IssuedRefreshToken current = tokens.rotate(first.token());

        tokens.revokeSessionOf(first.token()); // an older token of the family ends it as well

        assertThat(tokens.sessionActive(first.sessionId())).isFalse();
        assertThatThrownBy(() -> tokens.rotate(current.token())).isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(logged.list).isEmpty(); // a logout is not a security event
        tokens.revokeSessionOf("rt_unknown"); // an unknown or malformed token is already logged out
        tokens.revokeSessionOf("not a token");
    }
}
