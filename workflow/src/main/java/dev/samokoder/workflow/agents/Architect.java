package dev.samokoder.workflow.agents;

import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.Stack;
import dev.samokoder.services.runs.artifacts.Text;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.policy.CommandPolicy;
import com.fasterxml.jackson.databind.JsonNode;
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

    public static final String AGENT = AgentNames.ARCHITECT;

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
        Optional<Architecture> app = run.kind() == RunKind.CHANGE_REQUEST ? context.artifacts().appArchitecture(run.projectId()) : Optional.empty();
        if (app.isPresent()) {
            return change(run, spec, app.get());
        }
        boolean hasFiles = !runs.files(run).list(1).files().isEmpty();
        List<AgentTool> tools = hasFiles ? context.toolset().reading(runs.files(run)) : List.of();
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "architecture", "architect",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)),
                        "answers", PromptTemplate.data(Prompts.questionsAndAnswers(context.artifacts().questions(runId))),
                        "map", runs.map(run)),
                tools, Submission.of("architect", "the architecture.").withProblems(this::refusedCommands), Map.of()));
        Architecture architecture = new Architecture(1, "chosen by the Architect", answer.path("appType").asText(),
                Stack.valueOf(answer.path("stack").asText()), installSteps(answer.path("installSteps")),
                Prompts.strings(answer.path("buildCommand")), Prompts.strings(answer.path("testCommand")),
                Prompts.strings(answer.path("startCommand")), answer.path("port").asInt(), answer.path("probePath").asText(),
                Prompts.strings(answer.path("systemDependencies")), Prompts.strings(answer.path("packageDependencies")));
        context.artifacts().putArchitecture(runId, architecture);
        runs.updateProgress(runId, current -> Optional.of(current.progress().architectureChosen()));
        runs.event(runId, "ARCHITECTURE_CHOSEN", architecture.appType() + " on " + architecture.stack(),
                Map.of("agent", AGENT, "stack", architecture.stack().name()));
        return architecture;
    }

    /**
     * A change request keeps the app's architecture: it is the run's version 1, and the Architect
     * says only what the change needs changed, if anything, as version 2 with the reason. The stack
     * is not among what it may change.
     */
    private Architecture change(Run run, Spec spec, Architecture app) {
        Architecture kept = app.asFirstVersion("the app's architecture, kept for the change");
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "architecture", "architect-change",
                Map.of("description", PromptTemplate.data(run.request()),
                        "spec", PromptTemplate.data(Prompts.spec(spec)),
                        "architecture", Prompts.architecture(kept),
                        "map", runs.map(run)),
                context.toolset().reading(runs.files(run)),
                Submission.of("architect-change", "the reason, and only the fields that change.")
                        .withProblems(change -> refusedCommands(policy, app.stack(), change)), Map.of()));
        context.artifacts().putArchitecture(run.id(), kept);
        Architecture architecture = kept;
        if (changesAnything(answer)) {
            architecture = changed(kept, answer);
            context.artifacts().putArchitecture(run.id(), architecture);
        }
        runs.updateProgress(run.id(), current -> Optional.of(current.progress().architectureChosen()));
        runs.event(run.id(), "ARCHITECTURE_CHOSEN", architecture.version() == 1
                        ? "kept: " + architecture.appType() + " on " + architecture.stack() + " (" + Text.clip(answer.path("reason").asText(), 200) + ")"
                        : "changed for the request (version " + architecture.version() + "): " + Text.clip(architecture.reason(), 200),
                Map.of("agent", AGENT, "stack", architecture.stack().name(), "version", Integer.toString(architecture.version()),
                        "testCommand", String.join(" ", architecture.testCommand())));
        return architecture;
    }

    private List<String> refusedCommands(JsonNode answer) {
        return refusedCommands(policy, Stack.valueOf(answer.path("stack").asText()), answer);
    }

    /** True when a proposed change names any field: otherwise the architecture stays as it is. */
    static boolean changesAnything(JsonNode change) {
        for (String field : CHANGEABLE) {
            if (change.has(field)) {
                return true;
            }
        }
        return false;
    }

    /** The fields a change may give; the stack is not among them. */
    private static final List<String> CHANGEABLE = List.of("installSteps", "buildCommand", "testCommand", "startCommand", "port",
            "probePath", "systemDependencies", "packageDependencies");

    /** The next version of {@code current}: the fields {@code change} gives replace the current ones, the rest stay, the stack always does. */
    static Architecture changed(Architecture current, JsonNode change) {
        return current.next(change.path("reason").asText(),
                change.has("installSteps") ? installSteps(change.path("installSteps")) : current.installSteps(),
                change.has("buildCommand") ? Prompts.strings(change.path("buildCommand")) : current.buildCommand(),
                change.has("testCommand") ? Prompts.strings(change.path("testCommand")) : current.testCommand(),
                change.has("startCommand") ? Prompts.strings(change.path("startCommand")) : current.startCommand(),
                change.has("port") ? change.path("port").asInt() : current.port(),
                change.has("probePath") ? change.path("probePath").asText() : current.probePath(),
                change.has("systemDependencies") ? Prompts.strings(change.path("systemDependencies")) : current.systemDependencies(),
                change.has("packageDependencies") ? Prompts.strings(change.path("packageDependencies")) : current.packageDependencies());
    }

    /** The install steps of an answer's {@code installSteps} (or a fixer's). */
    static List<Architecture.InstallStep> installSteps(JsonNode steps) {
        List<Architecture.InstallStep> out = new ArrayList<>();
        steps.forEach(step -> out.add(new Architecture.InstallStep(Prompts.strings(step.path("argv")), step.path("install").asBoolean())));
        return out;
    }

    /** What the policy refuses among the commands an answer gives (the Architect's, or a fixer's new version). */
    static List<String> refusedCommands(CommandPolicy policy, Stack stack, JsonNode answer) {
        List<String> errors = new ArrayList<>();
        int number = 0;
        for (JsonNode step : answer.path("installSteps")) {
            number++;
            int n = number;
            policy.refusal(stack, Prompts.strings(step.path("argv"))).ifPresent(reason -> errors.add("install step " + n + " is refused: " + reason));
        }
        for (String field : List.of("buildCommand", "testCommand", "startCommand")) {
            List<String> argv = Prompts.strings(answer.path(field));
            if (argv.isEmpty() && (field.equals("buildCommand") || !answer.has(field))) {
                continue;
            }
            policy.refusal(stack, argv).ifPresent(reason -> errors.add(field + " is refused: " + reason));
        }
        int port = answer.path("port").asInt(Architecture.DEFAULT_PORT);
        if (answer.has("port") && port > 0 && port < 1024) {
            errors.add("port " + port + " needs privileges the sandbox does not give: use a port from 1024, or 0 when the app serves no HTTP");
        }
        return errors;
    }
}
