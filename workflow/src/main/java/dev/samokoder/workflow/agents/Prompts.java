package dev.samokoder.workflow.agents;

import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Question;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.TaskStep;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How stored artifacts read inside a prompt; the agents' prompts show them the same way. */
final class Prompts {

    private Prompts() {
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String questionsAndAnswers(List<Question> questions) {
        if (questions.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (Question q : questions) {
            out.append("Q").append(q.number()).append(": ").append(q.text()).append('\n')
                    .append("A").append(q.number()).append(": ").append(q.answer().orElse("(no answer)")).append('\n');
        }
        return out.toString().strip();
    }

    static String spec(Spec spec) {
        return spec.text() + (spec.assumptions().isEmpty() ? "" : "\n\nAssumptions:\n- " + String.join("\n- ", spec.assumptions()));
    }

    static String architecture(Architecture a) {
        StringBuilder install = new StringBuilder();
        a.installSteps().forEach(step -> install.append(install.isEmpty() ? "" : "; ").append(String.join(" ", step.argv()))
                .append(step.install() ? " (install)" : ""));
        return "version " + a.version() + " (" + a.reason() + ")"
                + "\napp type: " + a.appType() + "\nstack: " + a.stack()
                + "\ninstall steps: " + (install.isEmpty() ? "(none)" : install)
                + "\nbuild: " + (a.buildCommand().isEmpty() ? "(none)" : String.join(" ", a.buildCommand()))
                + "\ntest: " + String.join(" ", a.testCommand())
                + "\nstart: " + String.join(" ", a.startCommand()) + " (serves port " + a.port() + ", up when " + a.probePath() + " answers)"
                + "\nsystem dependencies: " + String.join(", ", a.systemDependencies())
                + "\npackage dependencies: " + String.join(", ", a.packageDependencies());
    }

    /** The whole plan, each task with where it stands, so an agent knows what came before and what comes after. */
    static String plan(List<PlannedTask> tasks, int current) {
        StringBuilder out = new StringBuilder();
        for (PlannedTask t : tasks) {
            out.append(t.number()).append(". ").append(t.title()).append(" (epic: ").append(t.epic()).append(") — ")
                    .append(t.number() < current ? "done" : t.number() == current ? "current" : "later").append('\n');
        }
        return out.toString().strip();
    }

    /** What kind of run this is, for the planners and the writer: a new app, or a change to the app there is. */
    static String kind(dev.samokoder.services.runs.Run run, boolean existingApp, boolean forWriter) {
        if (run.kind() != dev.samokoder.services.runs.RunKind.CHANGE_REQUEST || !existingApp) {
            return forWriter ? "This run built the app from its description." : "This run builds a new app. When the project already has "
                    + "files, read what you build on and plan only what is missing.";
        }
        String request = dev.samokoder.workflow.answers.PromptTemplate.data(run.request());
        return forWriter
                ? "This run changed the app there was, as the user asked (data):\n" + request + "\nKeep what the README says that still "
                        + "holds, word for word; document what the change added or changed."
                : "This run changes the app there is, as the user asked (data):\n" + request + "\nPlan only the changes the request needs, "
                        + "against the code as it is: read what you change, keep what works working, and keep its tests passing.";
    }

    static String task(PlannedTask t) {
        return "task " + t.number() + " (epic: " + t.epic() + "): " + t.title() + "\n" + t.description()
                + "\nacceptance tests:\n- " + String.join("\n- ", t.acceptanceTests());
    }

    static String steps(List<TaskStep> steps) {
        if (steps.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (TaskStep s : steps) {
            out.append(s.number()).append(". ").append(s.status()).append(' ')
                    .append(s.kind() == TaskStep.StepKind.SAVE_FILE ? "save " + s.path().orElse("") : "run " + String.join(" ", s.argv()));
            if (!s.after().isEmpty()) {
                out.append(" (after ").append(String.join(", ", s.after())).append(')');
            }
            s.failure().ifPresent(reason -> out.append(" — refused: ").append(reason));
            out.append('\n');
        }
        return out.toString().strip();
    }
}
