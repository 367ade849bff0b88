package dev.samokoder.services.runs;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAwsExtension.class)
class RunEventsIT {

    private static RunEvents events(LocalAws aws) {
        Storage storage = aws.storage();
        return new RunEvents(aws.clients().dynamoDb(), storage.table(), Clock.systemUTC());
    }

    @Test
    void eventsComeBackInOrderAfterACursor(LocalAws aws) {
        RunEvents events = events(aws);
        String runId = Ids.newId("run");
        for (int i = 1; i <= 5; i++) {
            events.append(runId, "step", "step " + i, Map.of("agent", "Developer", "task", Integer.toString(i)));
        }

        List<RunEvent> all = events.after(runId, 0, 100);
        List<RunEvent> newer = events.after(runId, 3, 100);

        assertThat(all).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.getFirst().data()).containsEntry("agent", "Developer");
        assertThat(newer).extracting(RunEvent::message).containsExactly("step 4", "step 5");
        assertThat(events.after(runId, 5, 100)).isEmpty();
        assertThat(events.after(runId, 0, 2)).hasSize(2);
    }

    @Test
    void concurrentAppendsGetDistinctGaplessSequenceNumbers(LocalAws aws) throws Exception {
        RunEvents events = events(aws);
        String runId = Ids.newId("run");
        List<Future<RunEvent>> appends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                appends.add(pool.submit(() -> events.append(runId, "file", "file " + n, Map.of())));
            }
        }
        for (Future<RunEvent> append : appends) {
            append.get();
        }

        assertThat(events.after(runId, 0, 100)).extracting(RunEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void longTextIsClippedSoAnEventStaysSmall(LocalAws aws) {
        RunEvents events = events(aws);
        String runId = Ids.newId("run");

        RunEvent event = events.append(runId, "exec", "x".repeat(10_000), Map.of("output", "y".repeat(10_000)));

        assertThat(event.message()).hasSizeLessThanOrEqualTo(RunEvents.MAX_TEXT);
        assertThat(events.after(runId, 0, 1).getFirst().data().get("output")).hasSizeLessThanOrEqualTo(RunEvents.MAX_TEXT);
    }
}
