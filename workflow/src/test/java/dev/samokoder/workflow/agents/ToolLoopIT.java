package dev.samokoder.workflow.agents;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.llm.context.TokenEstimate;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.workflow.loop.Deadline;
import dev.samokoder.workflow.loop.StepLimitException;
import dev.samokoder.workflow.loop.StepYieldedException;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.loop.ToolLoop;
import dev.samokoder.workflow.tools.ProjectFiles;
import dev.samokoder.workflow.tools.Toolset;
import dev.samokoder.workflow.tools.WritePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tool loop an agent's step runs in: its results, its bounds, its window, its checkpoints. */
@ExtendWith(LocalAwsExtension.class)
class ToolLoopIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AGENT = CodeMonkey.AGENT;

    @Test
    void anAnswerCutAtTheOutputLimit_runsItsCompleteCalls_andTheModelSendsTheRestInParts(LocalAws aws) {
        // given: the first answer writes a.txt, then is cut off in the middle of writing b.txt
        ScriptedModel model = new ScriptedModel(java.util.Map.of()).with(AGENT, request -> switch (request.exchange().round()) {
            case 1 -> new ProviderResponse("", List.of(
                    ScriptedModel.call("write_file", MAPPER.createObjectNode().put("path", "a.txt").put("content", "complete\n")),
                    new ToolCall("cut", "write_file", "{\"path\": \"b.txt\", \"content\": \"first part\\nsecond pa")),
                    Optional.empty(), true);
            case 2 -> {
                // the model is told the cut-off call did not run, and why
                String told = request.messages().getLast().text();
                assertThat(told).contains("not run").contains("output limit of 1000 tokens").contains("append_to_file");
                yield ScriptedModel.calls(
                        ScriptedModel.call("write_file", MAPPER.createObjectNode().put("path", "b.txt").put("content", "first part\n")),
                        ScriptedModel.call("append_to_file", MAPPER.createObjectNode().put("path", "b.txt").put("content", "second part\n")),
                        ScriptedModel.call("submit", MAPPER.createObjectNode().put("summary", "both files")));
            }
            default -> throw new IllegalStateException("round " + request.exchange().round());
        });
        // no re-ask allowed: a cut-off answer is not an invalid one
        AgentHarness h = AgentHarness.withModel(aws, model, AutonomyMode.AUTONOMOUS, new WorkflowLimits(5, 4, 3, 0, 4, 600));

        // when
        JsonNode answer = run(h, writingStep(h, "two files", Deadline.none(), WritePolicy.only("a.txt"), WritePolicy.only("b.txt")));

        // then
        assertThat(answer.path("summary").asText()).isEqualTo("both files");
        assertThat(text(h, "a.txt")).isEqualTo("complete\n");
        assertThat(text(h, "b.txt")).isEqualTo("first part\nsecond part\n");
        assertThat(h.requestsOf(AGENT)).hasSize(2);
        // the cut-off call goes back with arguments that are valid JSON, so every provider accepts the conversation
        LlmMessage assistant = h.requestsOf(AGENT).get(1).messages().get(2);
        assertThat(assistant.toolCalls()).extracting(ToolCall::arguments).last().isEqualTo("{}");
    }

    @Test
    void aStepWhoseTimeRunsOut_savesItsPlace_andContinuesWhereItWasInANewInvocation(LocalAws aws) {
        // given: a model that reads three files, one a round, then submits what it read
        ScriptedModel model = new ScriptedModel(java.util.Map.of()).with(AGENT, request -> {
            int round = request.exchange().round();
            if (round <= 3) {
                return ScriptedModel.calls(ScriptedModel.call("read_file", MAPPER.createObjectNode().put("path", "f" + round + ".txt")));
            }
            // it can only answer if the results of every earlier round, those of the first invocation too, reached it
            List<String> seen = request.messages().stream().filter(m -> m.role() == LlmMessage.Role.TOOL)
                    .map(m -> m.text().lines().skip(1).findFirst().orElse("")).toList();
            return ScriptedModel.calls(ScriptedModel.call("submit", MAPPER.createObjectNode().put("summary", String.join(",", seen))));
        });
        AgentHarness h = AgentHarness.withModel(aws, model, AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults());
        for (int i = 1; i <= 3; i++) {
            h.storage.files().create(h.project.id(), WorkspacePath.of("f" + i + ".txt"), h.storage.blobs().put(("content " + i).getBytes()));
        }
        AtomicInteger calls = new AtomicInteger();
        Deadline twoCalls = () -> calls.getAndIncrement() < 2;

        // when: the first invocation has time for two model calls
        assertThatThrownBy(() -> run(h, readingStep(h, twoCalls)))
                .isInstanceOf(StepYieldedException.class).hasMessageContaining("after 2 round(s)");
        JsonNode answer = run(h, readingStep(h, Deadline.none()));

        // then: the second invocation asked for rounds 3 and 4 only, and the answer saw all three files
        assertThat(h.requestsOf(AGENT)).extracting(r -> r.exchange().orElseThrow().round()).containsExactly(1, 2, 3, 4);
        assertThat(answer.path("summary").asText()).isEqualTo("1│ content 1,1│ content 2,1│ content 3");
        // and the step's saved place is gone once it ended: a later step of the same name starts afresh
        assertThat(h.storage.table().queryAll("RUN#" + h.run.id(), "LOOP#")).isEmpty();
    }

    @Test
    void aLongToolLoop_staysWithinTheModelsWindow_byCondensingItsOldestResults(LocalAws aws, @TempDir Path dir) throws Exception {
        // given: a model with a 6,000-token window that reads twenty files of ~400 tokens each before it answers
        Path overlay = dir.resolve("prices.json");
        Files.writeString(overlay, """
                {"models": {"replay:small": {"inputPerMillion": 0, "cachedInputPerMillion": 0, "outputPerMillion": 0,
                  "contextWindow": 6000, "maxOutputTokens": 500}}}""");
        int files = 20;
        List<Long> promptSizes = new ArrayList<>();
        ScriptedModel model = new ScriptedModel(java.util.Map.of()).with(AGENT, request -> {
            promptSizes.add(TokenEstimate.of(request.messages(), request.tools()));
            int round = request.exchange().round();
            return round <= files
                    ? ScriptedModel.calls(ScriptedModel.call("read_file", MAPPER.createObjectNode().put("path", String.format("lib/f%02d.js", round))))
                    : ScriptedModel.calls(ScriptedModel.call("submit", MAPPER.createObjectNode().put("summary", "read them all")));
        });
        AgentHarness h = AgentHarness.withModel(aws, model, WorkflowLimits.defaults(), PriceTable.load(Optional.of(overlay)),
                ModelRef.parse("replay:small"), Toolset.WORKSPACE);
        for (int i = 1; i <= files; i++) {
            h.storage.files().create(h.project.id(), WorkspacePath.of(String.format("lib/f%02d.js", i)),
                    h.storage.blobs().put(("// file " + i + "\n" + "const x = 1; // padding padding padding\n".repeat(30)).getBytes()));
        }

        // when
        JsonNode answer = run(h, readingStep(h, Deadline.none()));

        // then: every call fitted (the gateway refuses one that does not), though the reads alone are larger than the window
        assertThat(answer.path("summary").asText()).isEqualTo("read them all");
        assertThat(promptSizes).hasSize(files + 1).allSatisfy(size -> assertThat(size + 500).isLessThanOrEqualTo(6000));
        long read = files * TokenEstimate.of("// file 10\n" + "const x = 1; // padding padding padding\n".repeat(30));
        assertThat(read).isGreaterThan(6000);
        LlmRequest last = h.requestsOf(AGENT).getLast();
        assertThat(last.messages()).anySatisfy(m -> assertThat(m.text()).startsWith("[condensed to save room: read_file: read lib/f01.js"));
        // the step's prompt and the last rounds are never condensed
        assertThat(last.messages().get(1).text()).isEqualTo("read what you need");
        assertThat(last.messages().getLast().text()).contains("lib/f20.js, lines 1–31 of 31");
    }

    @Test
    void aStepThatNeverSubmits_failsNamedAtItsRoundLimit_whoseLastRoundMayOnlySubmit(LocalAws aws) {
        // given
        ScriptedModel model = new ScriptedModel(java.util.Map.of()).with(AGENT, request ->
                ScriptedModel.calls(ScriptedModel.call("list_files", MAPPER.createObjectNode())));
        AgentHarness h = AgentHarness.withModel(aws, model, AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults().withToolLoop(3, 1_000_000, 900));

        // when / then
        assertThatThrownBy(() -> run(h, readingStep(h, Deadline.none())))
                .isInstanceOf(StepLimitException.class)
                .hasMessageContaining("made 3 model calls").hasMessageContaining("SAMOKODER_WORKFLOW_MAX_TOOL_ROUNDS");
        LlmRequest last = h.requestsOf(AGENT).getLast();
        assertThat(last.tools()).extracting(t -> t.name()).containsExactly("submit");
        assertThat(last.messages()).anySatisfy(m -> assertThat(m.text()).contains("last model call of this step"));
    }

    @Test
    void aStepPastItsTokenLimit_failsNamed(LocalAws aws) {
        // given
        ScriptedModel model = new ScriptedModel(java.util.Map.of()).with(AGENT, request -> new ProviderResponse("",
                List.of(ScriptedModel.call("list_files", MAPPER.createObjectNode())),
                Optional.of(dev.samokoder.core.llm.TokenUsage.reported(600, 0, 10)), false));
        AgentHarness h = AgentHarness.withModel(aws, model, AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults().withToolLoop(40, 1_000, 900));

        // when / then
        assertThatThrownBy(() -> run(h, readingStep(h, Deadline.none())))
                .isInstanceOf(StepLimitException.class).hasMessageContaining("used 1220 tokens");
        assertThat(h.requestsOf(AGENT)).hasSize(2);
    }

    private static ToolLoop.Step readingStep(AgentHarness h, Deadline deadline) {
        ProjectFiles files = new ProjectFiles(h.storage.files(), h.storage.blobs(), h.project.id());
        return new ToolLoop.Step(new AgentRun(h.context).scope(h.current(), AGENT), "a step", "system", "read what you need",
                Toolset.WORKSPACE.reading(files), Submission.of("file-summary", "a summary."), deadline, ToolLoop.ToolEvents.none());
    }

    private static ToolLoop.Step writingStep(AgentHarness h, String name, Deadline deadline, WritePolicy... policies) {
        ProjectFiles files = new ProjectFiles(h.storage.files(), h.storage.blobs(), h.project.id());
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (WritePolicy policy : policies) {
            paths.addAll(policy.paths());
        }
        List<dev.samokoder.workflow.loop.AgentTool> tools = new ArrayList<>(Toolset.WORKSPACE.reading(files));
        tools.addAll(Toolset.WORKSPACE.writing(files, new WritePolicy(paths), 10_000));
        return new ToolLoop.Step(new AgentRun(h.context).scope(h.current(), AGENT), name, "system", "write them",
                tools, Submission.of("file-summary", "a summary."), deadline, ToolLoop.ToolEvents.none());
    }

    private static JsonNode run(AgentHarness h, ToolLoop.Step step) {
        return h.context.loop().run(step);
    }

    private static String text(AgentHarness h, String path) {
        var entry = h.storage.files().get(h.project.id(), WorkspacePath.of(path)).orElseThrow();
        return new String(h.storage.blobs().get(entry.blob().sha256()), StandardCharsets.UTF_8);
    }
}
