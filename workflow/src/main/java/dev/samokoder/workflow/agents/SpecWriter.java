package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.artifacts.Question;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Submission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the description into a spec. Interactive and not asked yet: it may ask up to
 * {@code maxQuestions} questions (the run waits for the answers). Autonomous, or with the answers
 * in: it records the assumptions it made where the description was silent. When the project has
 * files (a change request), it can read them.
 */
public final class SpecWriter {

    public static final String AGENT = AgentNames.SPEC_WRITER;

    /** What SpecWriter left: the spec, and the questions it asked (none in autonomous mode). */
    public record Output(Spec spec, List<Question> questions) {
    }

    private final AgentContext context;
    private final AgentRun runs;

    public SpecWriter(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
    }

    public Output run(String runId) {
        Run run = runs.run(runId);
        List<Question> asked = context.artifacts().questions(runId);
        boolean mayAsk = run.progress().mode() == AutonomyMode.INTERACTIVE && asked.isEmpty() && context.limits().maxQuestions() > 0;
        // a change request starts from the app's spec; one on a project no run built yet is a new app
        Optional<Spec> appSpec = run.kind() == RunKind.CHANGE_REQUEST ? context.artifacts().appSpec(run.projectId()) : Optional.empty();
        String schema = mayAsk ? "spec-writer-interactive" : "spec-writer";
        boolean hasFiles = !runs.files(run).list(1).files().isEmpty();
        List<AgentTool> tools = hasFiles ? context.toolset().reading(runs.files(run)) : List.of();
        Map<String, String> slots = new java.util.HashMap<>(Map.of(
                "description", PromptTemplate.data(run.request()),
                "answers", PromptTemplate.data(Prompts.questionsAndAnswers(asked)),
                "maxQuestions", Integer.toString(context.limits().maxQuestions()),
                "map", runs.map(run)));
        appSpec.ifPresent(spec -> {
            slots.put("current", PromptTemplate.data(Prompts.spec(spec)));
            slots.put("asking", mayAsk ? " If the request is unclear in a way that matters, ask the user: at most "
                    + context.limits().maxQuestions() + " short questions, the most important first; the run waits for the answers." : "");
            slots.put("andQuestions", mayAsk ? " and your questions ([] when there are none)" : "");
        });
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, mayAsk ? "spec · may ask" : asked.isEmpty() ? "spec" : "spec · with the answers",
                appSpec.isPresent() ? "spec-writer-change" : schema, slots, tools, Submission.of(schema, "the specification."), Map.of()));
        Spec spec = new Spec(answer.path("spec").asText(), Prompts.strings(answer.path("assumptions")));
        context.artifacts().putSpec(runId, spec);
        appSpec.ifPresent(before -> specUpdated(runId, before, spec));
        List<String> questionTexts = mayAsk
                ? Prompts.strings(answer.path("questions")).stream().limit(context.limits().maxQuestions()).toList()
                : List.of();
        List<Question> questions = context.artifacts().putQuestions(runId, questionTexts);
        runs.updateProgress(runId, current -> Optional.of(current.progress().specWritten(questions.size())));
        runs.event(runId, "SPEC_WRITTEN", questions.isEmpty()
                        ? "spec written with " + spec.assumptions().size() + " assumption(s)"
                        : "spec drafted; " + questions.size() + " question(s) for the user",
                Map.of("agent", AGENT, "questions", Integer.toString(questions.size()),
                        "assumptions", Integer.toString(spec.assumptions().size())));
        return new Output(spec, questions);
    }

    /** The change to the app's spec, on the timeline as a diff. */
    private void specUpdated(String runId, Spec before, Spec after) {
        String diff = LineDiff.of(Prompts.spec(before), Prompts.spec(after), MAX_EVENT_DIFF);
        long added = diff.lines().filter(line -> line.startsWith("+")).count();
        long removed = diff.lines().filter(line -> line.startsWith("-")).count();
        runs.event(runId, "SPEC_UPDATED", "the app's spec updated for the change: " + added + " line(s) added, " + removed + " removed",
                Map.of("agent", AGENT, "diff", diff, "added", Long.toString(added), "removed", Long.toString(removed)));
    }

    /** What of a spec's diff an event carries (an event's text fields are bounded). */
    private static final int MAX_EVENT_DIFF = 2_000;
}
