package dev.samokoder.workflow.agents;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.runs.RouteStep;
import dev.samokoder.services.runs.Router;
import dev.samokoder.services.runs.RunEvent;
import dev.samokoder.services.runs.Step;
import dev.samokoder.workflow.policy.CommandPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Route and the agents together, as the state machine chains them, up to the first sandbox run. */
@ExtendWith(LocalAwsExtension.class)
class RouteChainIT {

    private static final Map<String, List<String>> ANSWERS = Map.of(
            SpecWriter.AGENT, List.of("{\"spec\": \"A todo REST API.\", \"questions\": [], \"assumptions\": [\"todos live in memory\"]}"),
            Architect.AGENT, List.of("{\"appType\": \"REST API\", \"stack\": \"NODE\", \"installSteps\": [], \"buildCommand\": [], \"port\": 3000, \"probePath\": \"/\", \"testCommand\": [\"node\", \"--test\"],"
                    + " \"startCommand\": [\"node\", \"src/server.js\"], \"systemDependencies\": [\"node 20\"], \"packageDependencies\": []}"),
            TechLead.AGENT, List.of("{\"tasks\": [{\"epic\": \"API\", \"title\": \"Todo routes\", \"description\": \"GET/POST /todos\","
                    + " \"acceptanceTests\": [\"POST then GET lists it\"]}]}"),
            Developer.AGENT, List.of("{\"steps\": [{\"kind\": \"SAVE_FILE\", \"path\": \"src/server.js\", \"instructions\": \"node:http server\"},"
                    + " {\"kind\": \"SAVE_FILE\", \"path\": \"test/server.test.js\", \"instructions\": \"node:test tests\"},"
                    + " {\"kind\": \"RUN_COMMAND\", \"argv\": [\"node\", \"--test\"]}]}"),
            CodeMonkey.AGENT, List.of("{\"content\": \"module.exports = 1;\\n\", \"summary\": \"server\"}",
                    "{\"content\": \"require('node:test');\\n\", \"summary\": \"tests\"}"),
            CodeMonkey.REVIEW_AGENT, List.of("{\"approved\": true, \"problems\": []}", "{\"approved\": true, \"problems\": []}"));

    @Test
    void routeWalksTheAgentsFromDescriptionToTheFirstSandboxRun(LocalAws aws) {
        // given
        AgentHarness harness = AgentHarness.withAnswers(aws, ANSWERS, AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults());
        RouteStep route = new RouteStep(harness.runs, harness.events, harness.artifacts, new Router(WorkflowLimits.defaults()));
        String runId = harness.run.id();
        List<String> visited = new ArrayList<>();

        // when: follow Route's answers as the state machine's Choice would, until the Executor
        RouteStep.Output next = route.run(runId);
        for (int guard = 0; !next.step().equals(Step.EXECUTOR.name()) && guard < 20; guard++) {
            visited.add(next.step());
            switch (Step.valueOf(next.step())) {
                case SPEC_WRITER -> new SpecWriter(harness.context).run(runId);
                case ARCHITECT -> new Architect(harness.context, new CommandPolicy()).run(runId);
                case TECH_LEAD -> new TechLead(harness.context).run(runId);
                case DEVELOPER -> new Developer(harness.context, new CommandPolicy()).run(runId);
                case CODE_MONKEY -> {
                    assertThat(next.files()).extracting(RouteStep.FileItem::step).containsExactly(1, 2);
                    next.files().forEach(file -> new CodeMonkey(harness.context).run(runId, new CodeMonkey.FileStep(file.task(), file.step())));
                }
                default -> throw new AssertionError("unexpected step " + next.step());
            }
            next = route.run(runId);
        }

        // then
        assertThat(visited).containsExactly("SPEC_WRITER", "ARCHITECT", "TECH_LEAD", "DEVELOPER", "CODE_MONKEY");
        assertThat(next.step()).isEqualTo("EXECUTOR");
        assertThat(next.files()).isEmpty();
        assertThat(harness.current().lastStep().orElseThrow().next()).isEqualTo(Step.EXECUTOR);
        assertThat(harness.storage.files().get(harness.project.id(), WorkspacePath.of("src/server.js"))).isPresent();
        assertThat(harness.storage.files().get(harness.project.id(), WorkspacePath.of("test/server.test.js"))).isPresent();
        List<RunEvent> timeline = harness.events.after(runId, 0, 100);
        assertThat(timeline).filteredOn(event -> event.type().equals("route")).hasSize(6);
    }
}
