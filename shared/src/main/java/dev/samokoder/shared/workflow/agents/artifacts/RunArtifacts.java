package dev.samokoder.shared.workflow.agents.artifacts;

import dev.samokoder.shared.storage.Attributes;
import dev.samokoder.shared.storage.Key;
import dev.samokoder.shared.storage.Keys;
import dev.samokoder.shared.storage.SingleTable;
import dev.samokoder.shared.workflow.agents.AgentLimits;
import dev.samokoder.shared.workflow.agents.Text;
import dev.samokoder.shared.workflow.agents.artifacts.PlannedTask.TaskStatus;
import dev.samokoder.shared.workflow.agents.artifacts.TaskStep.StepKind;
import dev.samokoder.shared.workflow.agents.artifacts.TaskStep.StepStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the agents produce, one small item each in the run's partition: the spec, questions, the
 * architecture, tasks, their steps and fix iterations. A step reads one task and that task's steps,
 * never the whole run, so its cost does not grow with the project. Every text and list is clipped
 * to {@link AgentLimits} here, the one place that writes them.
 */
public final class RunArtifacts {

    static final String SPEC_TYPE = "Spec";
    static final String QUESTION_TYPE = "Question";
    static final String ARCHITECTURE_TYPE = "Architecture";
    static final String TASK_TYPE = "Task";
    static final String STEP_TYPE = "TaskStep";
    static final String ITERATION_TYPE = "FixIteration";
    static final String EXECUTION_TYPE = "Execution";

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;
    private final AgentLimits limits;

    public RunArtifacts(DynamoDbClient dynamoDb, SingleTable table, Clock clock, AgentLimits limits) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.limits = limits;
    }

    /** Writes the spec, replacing an earlier one (a retried step writes the same item again). */
    public void putSpec(String runId, Spec spec) {
        put(Attributes.item(Keys.runSpec(runId), SPEC_TYPE, 1)
                .string("text", text(spec.text()))
                .stringList("assumptions", list(spec.assumptions()))
                .build());
    }

    public Optional<Spec> spec(String runId) {
        return table.get(Keys.runSpec(runId)).map(RunArtifacts::spec);
    }

    private static Spec spec(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new Spec(a.string("text"), a.stringList("assumptions"));
    }

    /** Stores new questions numbered from 1, replacing any with the same numbers. */
    public List<Question> putQuestions(String runId, List<String> texts) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Question question = new Question(i + 1, text(texts.get(i)), Optional.empty(), clock.instant(), Optional.empty(), 1);
            put(questionItem(runId, question));
            questions.add(question);
        }
        return questions;
    }

    /** The run's questions in order (at most the configured number of questions, so one small query). */
    public List<Question> questions(String runId) {
        return table.queryAll(Keys.runPartition(runId), Keys.QUESTION_PREFIX).stream().map(RunArtifacts::question).toList();
    }

    /**
     * Records the user's answer to a question read at {@code question.version()}.
     *
     * @throws dev.samokoder.shared.storage.VersionConflictException if it changed since it was read
     */
    public Question answer(String runId, Question question, String answer) {
        Question answered = new Question(question.number(), question.text(), Optional.of(text(answer)), question.askedAt(),
                Optional.of(clock.instant()), question.version() + 1);
        table.replace(Keys.runQuestion(runId, question.number()), questionItem(runId, answered), question.version());
        return answered;
    }

    public void putArchitecture(String runId, Architecture architecture) {
        put(Attributes.item(Keys.runArchitecture(runId), ARCHITECTURE_TYPE, 1)
                .string("appType", text(architecture.appType()))
                .string("stack", architecture.stack().name())
                .stringList("installCommand", list(architecture.installCommand()))
                .stringList("testCommand", list(architecture.testCommand()))
                .stringList("startCommand", list(architecture.startCommand()))
                .stringList("systemDependencies", list(architecture.systemDependencies()))
                .stringList("packageDependencies", list(architecture.packageDependencies()))
                .build());
    }

    public Optional<Architecture> architecture(String runId) {
        return table.get(Keys.runArchitecture(runId)).map(RunArtifacts::architecture);
    }

    private static Architecture architecture(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new Architecture(a.string("appType"), Stack.valueOf(a.string("stack")), a.stringList("installCommand"),
                a.stringList("testCommand"), a.stringList("startCommand"), a.stringList("systemDependencies"),
                a.stringList("packageDependencies"));
    }

    /** What a file step works from: the step, its task, the spec and the architecture, each if there is one. */
    public record FileStepInputs(Optional<TaskStep> step, Optional<PlannedTask> task, Optional<Spec> spec,
                                 Optional<Architecture> architecture) {
    }

    /** A file step's inputs, in one request (a strongly consistent batch read of the four items). */
    public FileStepInputs fileStep(String runId, int task, int step) {
        Key stepKey = Keys.runTaskStep(runId, task, step);
        Key taskKey = Keys.runTask(runId, task);
        Key specKey = Keys.runSpec(runId);
        Key architectureKey = Keys.runArchitecture(runId);
        Map<Key, Map<String, AttributeValue>> items = table.getAll(List.of(stepKey, taskKey, specKey, architectureKey));
        return new FileStepInputs(Optional.ofNullable(items.get(stepKey)).map(RunArtifacts::step),
                Optional.ofNullable(items.get(taskKey)).map(RunArtifacts::task),
                Optional.ofNullable(items.get(specKey)).map(RunArtifacts::spec),
                Optional.ofNullable(items.get(architectureKey)).map(RunArtifacts::architecture));
    }

    /** Writes the plan's tasks (numbers from 1), replacing any with the same numbers. */
    public void putTasks(String runId, List<PlannedTask> tasks) {
        if (tasks.size() > limits.maxTasks()) {
            throw new IllegalArgumentException("a plan has at most " + limits.maxTasks() + " tasks, got " + tasks.size());
        }
        tasks.forEach(task -> put(taskItem(runId, task, 1)));
    }

    /** The plan's tasks 1..count, in order (one small read each: the plan has at most {@code maxTasks}). */
    public List<PlannedTask> tasks(String runId, int count) {
        List<PlannedTask> tasks = new ArrayList<>();
        for (int number = 1; number <= Math.min(count, limits.maxTasks()); number++) {
            task(runId, number).ifPresent(tasks::add);
        }
        return tasks;
    }

    public Optional<PlannedTask> task(String runId, int number) {
        return table.get(Keys.runTask(runId, number)).map(RunArtifacts::task);
    }

    /**
     * Saves a task read at {@code task.version()}.
     *
     * @throws dev.samokoder.shared.storage.VersionConflictException if it changed since it was read
     */
    public PlannedTask saveTask(String runId, PlannedTask task) {
        table.replace(Keys.runTask(runId, task.number()), taskItem(runId, task, task.version() + 1), task.version());
        return new PlannedTask(task.number(), task.epic(), task.title(), task.description(), task.acceptanceTests(),
                task.status(), task.planRounds(), task.lastFailureHash(), task.version() + 1);
    }

    /** One task's steps in order; bounded by {@link AgentLimits#maxStepsPerTask()}. */
    public List<TaskStep> steps(String runId, int task) {
        return table.queryAll(Keys.runPartition(runId), Keys.taskStepPrefix(task)).stream().map(RunArtifacts::step).toList();
    }

    public Optional<TaskStep> step(String runId, int task, int number) {
        return table.get(Keys.runTaskStep(runId, task, number)).map(RunArtifacts::step);
    }

    /**
     * Appends steps to a task after {@code existing} (the task's steps as read), numbering them on.
     *
     * @throws TooManyStepsException if the task would pass {@link AgentLimits#maxStepsPerTask()}
     * @throws dev.samokoder.shared.storage.ItemAlreadyExistsException if another writer appended first
     */
    public List<TaskStep> appendSteps(String runId, int task, int existing, List<TaskStep> steps) {
        if (existing + steps.size() > limits.maxStepsPerTask()) {
            throw new TooManyStepsException(task, existing + steps.size(), limits.maxStepsPerTask());
        }
        List<TaskStep> stored = new ArrayList<>();
        int number = existing;
        for (TaskStep step : steps) {
            number++;
            TaskStep numbered = new TaskStep(task, number, step.kind(), step.path(), text(step.instructions()), list(step.argv()),
                    step.status(), step.failure().map(this::text), 1, list(step.after()));
            table.create(Keys.runTaskStep(runId, task, number), stepItem(runId, numbered));
            stored.add(numbered);
        }
        return stored;
    }

    /**
     * Saves a step read at {@code step.version()}.
     *
     * @throws dev.samokoder.shared.storage.VersionConflictException if it changed since it was read
     */
    public TaskStep saveStep(String runId, TaskStep step) {
        TaskStep saved = new TaskStep(step.task(), step.number(), step.kind(), step.path(), step.instructions(), step.argv(),
                step.status(), step.failure(), step.version() + 1, step.after());
        table.replace(Keys.runTaskStep(runId, step.task(), step.number()), stepItem(runId, saved), step.version());
        return saved;
    }

    /** @throws dev.samokoder.shared.storage.ItemAlreadyExistsException if the iteration number is taken */
    public void addIteration(String runId, FixIteration iteration) {
        table.create(Keys.runTaskIteration(runId, iteration.task(), iteration.number()),
                Attributes.item(Keys.runTaskIteration(runId, iteration.task(), iteration.number()), ITERATION_TYPE, 1)
                        .number("task", iteration.task())
                        .number("iteration", iteration.number())
                        .string("kind", iteration.kind().name())
                        .string("diagnosis", text(iteration.diagnosis()))
                        .string("plan", text(iteration.plan()))
                        .string("failureHash", iteration.failureHash())
                        .instant("createdAt", clock.instant())
                        .build());
    }

    public Optional<FixIteration> iteration(String runId, int task, int number) {
        return table.get(Keys.runTaskIteration(runId, task, number)).map(Attributes::of).map(a -> new FixIteration(
                (int) a.number("task"), (int) a.number("iteration"), FixIteration.Kind.valueOf(a.string("kind")),
                a.string("diagnosis"), a.string("plan"), a.string("failureHash")));
    }

    /** Records a judged execution, replacing one with the same number (a retried step writes it again). */
    public void putExecution(String runId, Execution execution) {
        put(Attributes.item(Keys.runTaskExecution(runId, execution.task(), execution.number()), EXECUTION_TYPE, 1)
                .number("task", execution.task())
                .number("execution", execution.number())
                .string("sandboxRunId", execution.sandboxRunId())
                .bool("passed", execution.passed())
                .stringList("failedCommand", list(execution.failedCommand()))
                .string("failure", execution.failure())
                .number("exitCode", execution.exitCode())
                .bool("timedOut", execution.timedOut())
                .number("durationMillis", execution.durationMillis())
                .string("output", Text.tail(execution.output(), limits.maxExecOutputChars()))
                .number("filesChanged", execution.filesChanged())
                .instant("at", execution.at())
                .build());
    }

    /** A task's executions in order (one per fix iteration at most, so a small query). */
    public List<Execution> executions(String runId, int task) {
        return table.queryAll(Keys.runPartition(runId), Keys.taskExecutionPrefix(task)).stream().map(item -> {
            Attributes a = Attributes.of(item);
            return new Execution((int) a.number("task"), (int) a.number("execution"), a.string("sandboxRunId"), a.bool("passed"),
                    a.stringList("failedCommand"), a.string("failure"), (int) a.number("exitCode"), a.bool("timedOut"),
                    a.number("durationMillis"), a.string("output"), (int) a.number("filesChanged"), a.instant("at"));
        }).toList();
    }

    private Map<String, AttributeValue> questionItem(String runId, Question question) {
        return Attributes.item(Keys.runQuestion(runId, question.number()), QUESTION_TYPE, question.version())
                .number("number", question.number())
                .string("text", question.text())
                .optionalString("answer", question.answer())
                .instant("askedAt", question.askedAt())
                .optionalInstant("answeredAt", question.answeredAt())
                .build();
    }

    private static Question question(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new Question((int) a.number("number"), a.string("text"), a.optionalString("answer"), a.instant("askedAt"),
                a.optionalInstant("answeredAt"), a.version());
    }

    private Map<String, AttributeValue> taskItem(String runId, PlannedTask task, long version) {
        return Attributes.item(Keys.runTask(runId, task.number()), TASK_TYPE, version)
                .number("number", task.number())
                .string("epic", text(task.epic()))
                .string("title", text(task.title()))
                .string("description", text(task.description()))
                .stringList("acceptanceTests", list(task.acceptanceTests()))
                .string("status", task.status().name())
                .number("planRounds", task.planRounds())
                .optionalString("lastFailureHash", task.lastFailureHash())
                .build();
    }

    private static PlannedTask task(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new PlannedTask((int) a.number("number"), a.string("epic"), a.string("title"), a.string("description"),
                a.stringList("acceptanceTests"), TaskStatus.valueOf(a.string("status")), (int) a.number("planRounds"),
                a.optionalString("lastFailureHash"), a.version());
    }

    private static Map<String, AttributeValue> stepItem(String runId, TaskStep step) {
        return Attributes.item(Keys.runTaskStep(runId, step.task(), step.number()), STEP_TYPE, step.version())
                .number("task", step.task())
                .number("step", step.number())
                .string("kind", step.kind().name())
                .optionalString("path", step.path())
                .string("instructions", step.instructions())
                .stringList("argv", step.argv())
                .string("status", step.status().name())
                .optionalString("failure", step.failure())
                .stringList("after", step.after())
                .build();
    }

    private static TaskStep step(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new TaskStep((int) a.number("task"), (int) a.number("step"), StepKind.valueOf(a.string("kind")),
                a.optionalString("path"), a.string("instructions"), a.stringList("argv"), StepStatus.valueOf(a.string("status")),
                a.optionalString("failure"), a.version(), a.stringList("after"));
    }

    // artifacts written once per step by the one agent that owns them: a retried step rewrites the same item
    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(table.tableName()).item(item));
    }

    private String text(String value) {
        return Text.clip(value, limits.maxTextChars());
    }

    private List<String> list(List<String> values) {
        return Text.clip(values, limits.maxListItems(), limits.maxTextChars());
    }
}
