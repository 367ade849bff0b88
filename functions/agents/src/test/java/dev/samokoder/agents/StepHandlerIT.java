package dev.samokoder.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samokoder.agents.StepHandler.WorkflowFunction;
import dev.samokoder.shared.domain.AutonomyMode;
import dev.samokoder.shared.domain.Ids;
import dev.samokoder.shared.domain.ProjectSettings;
import dev.samokoder.shared.llm.CallScope;
import dev.samokoder.shared.llm.LlmClient;
import dev.samokoder.shared.llm.LlmRequest;
import dev.samokoder.shared.llm.LlmResponse;
import dev.samokoder.shared.llm.model.ModelSpec;
import dev.samokoder.shared.testing.LocalAws;
import dev.samokoder.shared.testing.LocalAwsExtension;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunKind;
import dev.samokoder.shared.workflow.RunRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
                        dev.samokoder.shared.sandbox.SnapshotStore.key(project.id(), "0".repeat(64)));
    }

    @Test
    void routeAnswersTheStateMachineWithPlainMapsAndLists(LocalAws aws) {
        // given
        Run run = startRun(aws);
        var services = AgentServices.create(aws.config(), aws.clients(), NO_MODEL, Clock.systemUTC());

        // when
        Map<String, Object> answer = new StepHandler(WorkflowFunction.ROUTE, services).handleRequest(Map.of("runId", run.id()), null);

        // then: the shape the ASL's ResultSelector reads ($.Payload.step, .reason, .files)
        assertThat(answer).containsEntry("step", "SPEC_WRITER").containsEntry("files", List.of());
        assertThat(answer.get("reason")).asString().isNotBlank();
    }

    @Test
    void aPayloadWithoutAValidRunIdFailsBeforeAnyWork(LocalAws aws) {
        var services = AgentServices.create(aws.config(), aws.clients(), NO_MODEL, Clock.systemUTC());
        StepHandler handler = new StepHandler(WorkflowFunction.SPEC_WRITER, services);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("runId", "../etc"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.handleRequest(Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepHandler(WorkflowFunction.CODE_MONKEY, services)
                .handleRequest(Map.of("runId", startRun(aws).id()), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
