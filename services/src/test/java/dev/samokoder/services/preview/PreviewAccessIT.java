package dev.samokoder.services.preview;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's way into a live preview: a one-time ticket, redeemed for a signed session of that preview only. */
@ExtendWith(LocalAwsExtension.class)
class PreviewAccessIT {

    private static final byte[] SECRET = "a server secret of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private Storage storage;
    private DynamoDbClient dynamoDb;
    private PreviewAccess access;
    private final String user = Ids.newId("usr");
    private final String project = Ids.newId("prj");
    private final String preview = Ids.newId("pv");

    @BeforeEach
    void setUp(LocalAws aws) {
        storage = aws.storage(clock);
        dynamoDb = aws.clients().dynamoDb();
        access = new PreviewAccess(storage.table(), SECRET, Duration.ofMinutes(30), clock);
    }

    @Test
    void aTicketWorksOnce_forItsPreview_andIsStoredOnlyAsItsHash() {
        PreviewAccess.IssuedTicket ticket = access.issue(user, project, preview);

        Optional<PreviewAccess.Grant> first = access.redeem(ticket.ticket(), preview);
        Optional<PreviewAccess.Grant> again = access.redeem(ticket.ticket(), preview);

        assertThat(first).get().extracting(PreviewAccess.Grant::userId, PreviewAccess.Grant::projectId, PreviewAccess.Grant::previewId)
                .containsExactly(user, project, preview);
        assertThat(first.get().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(again).as("a ticket works once").isEmpty();
        assertThat(ticket.toString()).doesNotContain(ticket.ticket());
        String table = storage.table().tableName();
        assertThat(dynamoDb.scan(r -> r.tableName(table)).items().toString()).doesNotContain(ticket.ticket().substring(3));
    }

    @Test
    void aTicketIsRefused_afterItsMinute_atAnotherPreview_orWhenMadeUp() {
        PreviewAccess.IssuedTicket late = access.issue(user, project, preview);
        PreviewAccess.IssuedTicket elsewhere = access.issue(user, project, preview);
        clock.advance(PreviewAccess.TICKET_TTL);

        assertThat(access.redeem(late.ticket(), preview)).isEmpty();
        assertThat(access.redeem(access.issue(user, project, preview).ticket(), Ids.newId("pv"))).isEmpty();
        assertThat(access.redeem(elsewhere.ticket().replace('A', 'B'), preview)).isEmpty();
        assertThat(access.redeem("pt_" + "A".repeat(43), preview)).isEmpty();
        assertThat(access.redeem("not a ticket", preview)).isEmpty();
        assertThat(access.redeem(null, preview)).isEmpty();
    }

    @Test
    void twoRedeemingOneTicketAtOnce_onlyOneGetsIn() throws Exception {
        String ticket = access.issue(user, project, preview).ticket();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PreviewAccess.Grant>>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return access.redeem(ticket, preview);
                }));
            }
            start.countDown();
        }

        int granted = 0;
        for (Future<Optional<PreviewAccess.Grant>> result : results) {
            granted += result.get().isPresent() ? 1 : 0;
        }
        assertThat(granted).isEqualTo(1);
    }

    @Test
    void aSessionOpensItsPreviewOnly_untilItExpires_andCannotBeAltered() {
        PreviewAccess.Grant grant = access.redeem(access.issue(user, project, preview).ticket(), preview).orElseThrow();
        String session = access.session(grant);

        assertThat(access.verify(session, preview)).contains(grant);
        assertThat(access.verify(session, Ids.newId("pv"))).as("another preview").isEmpty();
        String otherUser = session.replace(user, Ids.newId("usr"));
        assertThat(access.verify(otherUser, preview)).as("another user's name in it").isEmpty();
        String later = session.replace("." + grant.expiresAt().getEpochSecond() + ".", "." + (grant.expiresAt().getEpochSecond() + 3600) + ".");
        assertThat(access.verify(later, preview)).as("a later expiry").isEmpty();
        assertThat(new PreviewAccess(storage.table(), "another server secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(30), clock)
                .verify(session, preview)).as("signed with another secret").isEmpty();
        assertThat(access.verify("garbage", preview)).isEmpty();
        assertThat(access.verify(session + "x", preview)).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        assertThat(access.verify(session, preview)).as("expired").isEmpty();
    }
}
