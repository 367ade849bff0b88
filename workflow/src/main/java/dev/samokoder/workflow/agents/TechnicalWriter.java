package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.tools.ProjectFiles;
import dev.samokoder.workflow.tools.WritePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the generated app's README.md after every task passed: it reads the code it documents
 * (the manifest's scripts, the routes), then writes the README with write_file, or edits the one
 * there is; it may change no other file.
 */
public final class TechnicalWriter {

    public static final String AGENT = AgentNames.TECHNICAL_WRITER;
    public static final WorkspacePath README = WorkspacePath.of("README.md");

    private final AgentContext context;
    private final AgentRun runs;

    public TechnicalWriter(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
    }

    /** @return the README's content as written */
    public String run(String runId) {
        Run run = runs.run(runId);
        Spec spec = context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        ProjectFiles files = runs.files(run);
        boolean exists = files.entry(README).isPresent();
        List<AgentTool> tools = new ArrayList<>(context.toolset().reading(files));
        tools.addAll(context.toolset().writing(files, WritePolicy.only(README.value()), context.agentLimits().maxFileChars()));
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "readme", "technical-writer",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)),
                        "architecture", Prompts.architecture(architecture),
                        "kind", Prompts.kind(run, context.artifacts().appSpec(run.projectId()).isPresent(), true),
                        "plan", Prompts.plan(context.artifacts().tasks(runId, run.progress().taskCount()), run.progress().taskCount() + 1),
                        "fileState", exists
                                ? "README.md exists: read it, then change it with edit_file, keeping what still holds."
                                : "README.md does not exist yet: create it with write_file.",
                        "map", runs.map(run)),
                tools,
                Submission.of("file-summary", "a one-line summary of the README, once it is written.")
                        .withProblems(summary -> files.entry(README).isPresent() ? List.of()
                                : List.of("README.md does not exist yet: write it with write_file before you submit")),
                Map.of()));
        files.describe(README, answer.path("summary").asText());
        String readme = files.text(README).orElseThrow();
        runs.updateProgress(runId, current -> Optional.of(current.progress().documented()));
        runs.event(runId, "DOCS_WRITTEN", "README.md written", Map.of("agent", AGENT, "path", README.value()));
        return readme;
    }
}
