package dev.samokoder.shared.workflow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.agents.answers.PromptTemplate;
import dev.samokoder.shared.workflow.agents.artifacts.Architecture;
import dev.samokoder.shared.workflow.agents.artifacts.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the generated app's README.md from the spec and the architecture, after every task passed. */
public final class TechnicalWriter {

    public static final String AGENT = "TechnicalWriter";
    public static final WorkspacePath README = WorkspacePath.of("README.md");

    private final AgentContext context;
    private final AgentRun runs;
    private final WorkspaceWriter workspace;

    public TechnicalWriter(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.workspace = new WorkspaceWriter(context);
    }

    /** @return the README's content as written */
    public String run(String runId) {
        Run run = runs.run(runId);
        Spec spec = context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        int maxChars = context.agentLimits().maxFileChars();
        JsonNode answer = context.answers().ask(runs.scope(run, AGENT), "technical-writer",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)), "architecture", Prompts.architecture(architecture)),
                readme -> readme.path("readme").asText().length() > maxChars
                        ? List.of("readme is longer than " + maxChars + " characters") : List.of());
        String readme = answer.path("readme").asText();
        workspace.write(run.projectId(), README, readme);
        runs.updateProgress(runId, current -> Optional.of(Progress.documented(current.progress())));
        runs.event(runId, "DOCS_WRITTEN", "README.md written", Map.of("agent", AGENT, "path", README.value()));
        return readme;
    }
}
