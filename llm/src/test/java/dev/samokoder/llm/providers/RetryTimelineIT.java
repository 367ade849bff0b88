package dev.samokoder.llm.providers;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.llm.CallObserver;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunEvent;
import dev.samokoder.services.runs.RunEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's rate limit shows on the run's timeline, with the wait and the attempt. */
@ExtendWith(LocalAwsExtension.class)
class RetryTimelineIT {

    @Test
    void aRetryOfARunsCall_isAModelRetryEvent_andACallOutsideARunWritesNothing(LocalAws aws) {
        // given
        RunEvents events = new RunEvents(aws.clients().dynamoDb(), aws.storage().table(), Clock.systemUTC());
        CallObserver timeline = LlmGateways.timeline(events);
        String runId = Ids.newId(Run.ID_PREFIX);

        // when
        timeline.retrying(CallScope.of(runId, Ids.newId("prj"), Ids.newId("usr"), "CodeMonkey"), ModelRef.parse("openai:gpt-4o"), 2,
                Duration.ofSeconds(2), "rate-limited (it asked to wait 2000 ms)");
        timeline.retrying(CallScope.of("probe", Ids.newId("prj"), Ids.newId("usr"), "CodeMonkey"), ModelRef.parse("openai:gpt-4o"), 2,
                Duration.ofMillis(300), "rate-limited");

        // then
        List<RunEvent> written = events.after(runId, 0, 10);
        assertThat(written).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("MODEL_RETRY");
            assertThat(event.message()).isEqualTo("CodeMonkey's call to openai:gpt-4o was rate-limited (it asked to wait 2000 ms);"
                    + " trying again in 2 s (attempt 2)");
            assertThat(event.data()).containsEntry("agent", "CodeMonkey").containsEntry("attempt", "2").containsEntry("waitMillis", "2000");
        });
        assertThat(events.after("probe", 0, 10)).isEmpty();
    }
}
