package dev.samokoder.shared.workflow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.agents.answers.PromptTemplate;
import dev.samokoder.shared.workflow.agents.artifacts.Architecture;
import dev.samokoder.shared.workflow.agents.artifacts.Spec;
import dev.samokoder.shared.workflow.agents.artifacts.Stack;
import dev.samokoder.shared.workflow.agents.loop.AgentTool;
import dev.samokoder.shared.workflow.agents.loop.Submission;
import dev.samokoder.shared.workflow.agents.policy.CommandPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the app type, stack, commands and dependencies. Its commands pass the same policy as
 * the Developer's; a refused one is fed back to the model like a schema error. It can read the
 * project's files when there are any.
 */
public final class Architect {

    public static final String AGENT = "Architect";

    private final AgentContext context;
    private final AgentRun runs;
    private final CommandPolicy policy;

    public Architect(AgentContext context, CommandPolicy policy) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.policy = policy;
    }

    public Architecture run(String runId) {
        Run run = runs.run(runId);
        Spec spec = context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        boolean hasFiles = !runs.files(run).list(1).files().isEmpty();
        List<AgentTool> tools = hasFiles ? context.toolset().reading(runs.files(run)) : List.of();
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "architecture", "architect",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)),
                        "answers", PromptTemplate.data(Prompts.questionsAndAnswers(context.artifacts().questions(runId))),
                        "map", runs.map(run)),
                tools, Submission.of("architect", "the architecture.").withProblems(this::refusedCommands), Map.of()));
        Architecture architecture = new Architecture(answer.path("appType").asText(), Stack.valueOf(answer.path("stack").asText()),
                Prompts.strings(answer.path("installCommand")), Prompts.strings(answer.path("testCommand")),
                Prompts.strings(answer.path("startCommand")), Prompts.strings(answer.path("systemDependencies")),
                Prompts.strings(answer.path("packageDependencies")));
        context.artifacts().putArchitecture(runId, architecture);
        runs.updateProgress(runId, current -> Optional.of(Progress.architectureChosen(current.progress())));
        runs.event(runId, "ARCHITECTURE_CHOSEN", architecture.appType() + " on " + architecture.stack(),
                Map.of("agent", AGENT, "stack", architecture.stack().name()));
        return architecture;
    }

    private List<String> refusedCommands(JsonNode answer) {
        Stack stack = Stack.valueOf(answer.path("stack").asText());
        List<String> errors = new ArrayList<>();
        for (String field : List.of("installCommand", "testCommand", "startCommand")) {
            List<String> argv = Prompts.strings(answer.path(field));
            if (field.equals("installCommand") && argv.isEmpty()) {
                continue;
            }
            policy.refusal(stack, argv).ifPresent(reason -> errors.add(field + " is refused: " + reason));
        }
        return errors;
    }
}
