package dev.samokoder.agents;

import dev.samokoder.agents.StepHandler.WorkflowFunction;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.LlmClient;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.ModelSpec;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.wiring.TestWiring;
import com.amazonaws.services.lambda.runtime.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class StepHandlerIT {

    /** No model may be called by these steps: Route decides alone, and a bad payload fails before any call. */
    private static final LlmClient NO_MODEL = new LlmClient() {
        @Override
        public LlmResponse complete(LlmRequest request) {
            throw new AssertionError("no model call expected");
        }

        @Override
        public ModelSpec modelFor(CallScope scope) {
            throw new AssertionError("no model call expected");
        }
    };

    private static Run startRun(LocalAws aws) {
        var storage = aws.storage();
        var project = storage.projects().create(Ids.newId("usr"), "todo", "", new ProjectSettings(Optional.empty(), AutonomyMode.AUTONOMOUS));
        return new RunRepository(storage.table(), Clock.systemUTC())
                .start(project.id(), project.ownerId(), RunKind.NEW_APP, "a todo app", AutonomyMode.AUTONOMOUS,
                        dev.samokoder.sandbox.SnapshotStore.key(project.id(), "0".repeat(64)));
    }

    @Test
    void routeAnswersTheStateMachineWithPlainMapsAndLists(LocalAws aws) {
        // given
        Run run = startRun(aws);
        var services = AgentServices.create(TestWiring.of(aws), NO_MODEL);

        // when
        Map<String, Object> answer = new StepHandler(WorkflowFunction.ROUTE, services).handleRequest(Map.of("runId", run.id()), null);

        // then: the shape the ASL's ResultSelector reads ($.Payload.step, .reason, .files)
        assertThat(answer).containsEntry("step", "SPEC_WRITER").containsEntry("files", List.of());
        assertThat(answer.get("reason")).asString().isNotBlank();
    }

    @Test
    void aStepWhoseInvocationRunsOutOfTime_yields_andTheNextInvocationContinuesWhereItWas(LocalAws aws) {
        // given: a change request on a project with a file, and a model whose every answer takes 250 s of the Lambda's 400 s
        Run run = startRun(aws);
        var storage = aws.storage();
        storage.files().create(run.projectId(), WorkspacePath.of("NOTES.md"), storage.blobs().put("keep todos in memory".getBytes()));
        MovableClock clock = new MovableClock();
        List<LlmRequest> asked = new CopyOnWriteArrayList<>();
        LlmClient slowModel = new LlmClient() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                asked.add(request);
                clock.advance(Duration.ofSeconds(250));
                ToolCall call = request.exchange().orElseThrow().round() == 1
                        ? new ToolCall("c1", "read_file", "{\"path\": \"NOTES.md\"}")
                        : new ToolCall("c2", "submit", "{\"spec\": \"todos in memory\", \"assumptions\": []}");
                return new LlmResponse("", List.of(call), "call-" + asked.size(), ModelRef.parse("replay:test"), TokenUsage.reported(10, 0, 5),
                        BigDecimal.ZERO, Duration.ZERO, false, 1000, true);
            }

            @Override
            public ModelSpec modelFor(CallScope scope) {
                return PriceTable.builtIn().find(ModelRef.parse("replay:test")).orElseThrow();
            }
        };
        var services = AgentServices.create(TestWiring.of(aws.config(), aws.clients(), clock), slowModel);
        StepHandler handler = new StepHandler(WorkflowFunction.SPEC_WRITER, services);
        RunRepository runs = new RunRepository(storage.table(), clock);

        // when: the first invocation has time for one model call, not for a second
        Map<String, Object> first = handler.handleRequest(Map.of("runId", run.id()), lambdaWithRemaining(clock, Duration.ofSeconds(400)));
        boolean specAfterFirst = runs.get(run.id()).orElseThrow().progress().specDone();
        Map<String, Object> second = handler.handleRequest(Map.of("runId", run.id()), lambdaWithRemaining(clock, Duration.ofSeconds(400)));

        // then: it yielded without failing, and the second invocation went on with round 2, the file it read in front of it
        assertThat(first).containsEntry("yielded", true);
        assertThat(specAfterFirst).isFalse();
        assertThat(second).doesNotContainKey("yielded");
        assertThat(runs.get(run.id()).orElseThrow().progress().specDone()).isTrue();
        assertThat(asked).extracting(r -> r.exchange().orElseThrow().round()).containsExactly(1, 2);
        assertThat(asked.get(1).messages()).anySatisfy(m -> assertThat(m.text()).contains("1│ keep todos in memory"));
        var events = new RunEvents(aws.clients().dynamoDb(), storage.table(), clock).after(run.id(), 0, 100);
        assertThat(events).extracting(e -> e.type()).contains("STEP_YIELDED", "SPEC_WRITTEN");
    }

    /** A Lambda context that ends {@code remaining} after now on {@code clock}. */
    private static Context lambdaWithRemaining(MovableClock clock, Duration remaining) {
        Instant end = clock.instant().plus(remaining);
        return (Context) java.lang.reflect.Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) Duration.between(clock.instant(), end).toMillis();
                    case "getAwsRequestId" -> "test-request";
                    case "getFunctionName" -> "samokoder-spec-writer";
                    default -> null;
                });
    }

    @Test
    void aPayloadWithoutAValidRunIdFailsBeforeAnyWork(LocalAws aws) {
        var services = AgentServices.create(TestWiring.of(aws), NO_MODEL);
        StepHandler handler = new StepHandler(WorkflowFunction.SPEC_WRITER, services);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("runId", "../etc"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.handleRequest(Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepHandler(WorkflowFunction.CODE_MONKEY, services)
                .handleRequest(Map.of("runId", startRun(aws).id()), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
