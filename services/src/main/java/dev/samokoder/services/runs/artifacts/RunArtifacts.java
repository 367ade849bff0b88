package dev.samokoder.services.runs.artifacts;

import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.services.runs.artifacts.PlannedTask.TaskStatus;
import dev.samokoder.services.runs.artifacts.TaskStep.StepKind;
import dev.samokoder.services.runs.artifacts.TaskStep.StepStatus;
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

    /** Keeps a successful run's spec and architecture as the app's: where its next change request starts. */
    public void keepAsApp(String projectId, Spec spec, Architecture architecture) {
        put(Attributes.item(Keys.appSpec(projectId), SPEC_TYPE, 1)
                .string("text", text(spec.text()))
                .stringList("assumptions", list(spec.assumptions()))
                .build());
        put(architectureItem(Keys.appArchitecture(projectId), architecture));
    }

    /** The app's spec, once a run of the project succeeded. */
    public Optional<Spec> appSpec(String projectId) {
        return table.get(Keys.appSpec(projectId)).map(Attributes::of)
                .map(a -> new Spec(a.string("text"), a.stringList("assumptions")));
    }

    /** The app's architecture, once a run of the project succeeded. */
    public Optional<Architecture> appArchitecture(String projectId) {
        return table.get(Keys.appArchitecture(projectId)).map(RunArtifacts::architecture);
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
     * @throws dev.samokoder.core.storage.VersionConflictException if it changed since it was read
     */
    public Question answer(String runId, Question question, String answer) {
        Question answered = new Question(question.number(), question.text(), Optional.of(text(answer)), question.askedAt(),
                Optional.of(clock.instant()), question.version() + 1);
        table.replace(Keys.runQuestion(runId, question.number()), questionItem(runId, answered), question.version());
        return answered;
    }

    /** Writes a version of the architecture (a retried step writes the same version again). */
    public void putArchitecture(String runId, Architecture architecture) {
        put(architectureItem(Keys.runArchitecture(runId, architecture.version()), architecture));
    }

    private Map<String, AttributeValue> architectureItem(Key key, Architecture architecture) {
        List<AttributeValue> steps = architecture.installSteps().stream()
                .map(step -> AttributeValue.fromM(Map.of("argv", AttributeValue.fromL(list(step.argv()).stream().map(AttributeValue::fromS).toList()),
                        "install", AttributeValue.fromBool(step.install()))))
                .toList();
        Map<String, AttributeValue> item = new java.util.HashMap<>(Attributes.item(key, ARCHITECTURE_TYPE, 1)
                .number("architectureVersion", architecture.version())
                .string("reason", text(architecture.reason()))
                .string("appType", text(architecture.appType()))
                .string("stack", architecture.stack().name())
                .stringList("buildCommand", list(architecture.buildCommand()))
                .stringList("testCommand", list(architecture.testCommand()))
                .stringList("startCommand", list(architecture.startCommand()))
                .number("port", architecture.port())
                .string("probePath", text(architecture.probePath()))
                .stringList("systemDependencies", list(architecture.systemDependencies()))
                .stringList("packageDependencies", list(architecture.packageDependencies()))
                .build());
        item.put("installSteps", AttributeValue.fromL(steps));
        return item;
    }

    /** The run's architecture as it stands: its latest version. */
    public Optional<Architecture> architecture(String runId) {
        List<Architecture> versions = architectures(runId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /**
     * Every version of the run's architecture, oldest first. A run from before versions has one
     * unversioned item: it reads as version 1, its install command an install step.
     */
    public List<Architecture> architectures(String runId) {
        return table.queryAll(Keys.runPartition(runId), Keys.ARCHITECTURE_PREFIX).stream().map(RunArtifacts::architecture)
                .sorted(java.util.Comparator.comparingInt(Architecture::version)).toList();
    }

    private static Architecture architecture(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        List<Architecture.InstallStep> steps = new ArrayList<>();
        AttributeValue stored = item.get("installSteps");
        if (stored != null && stored.hasL()) {
            for (AttributeValue step : stored.l()) {
                steps.add(new Architecture.InstallStep(step.m().get("argv").l().stream().map(AttributeValue::s).toList(),
                        step.m().get("install").bool()));
            }
        } else if (!a.stringList("installCommand").isEmpty()) {
            steps.add(new Architecture.InstallStep(a.stringList("installCommand"), true));
        }
        return new Architecture((int) a.optionalNumber("architectureVersion").orElse(1), a.optionalString("reason").orElse("chosen by the Architect"),
                a.string("appType"), Stack.valueOf(a.string("stack")), steps, a.stringList("buildCommand"), a.stringList("testCommand"),
                a.stringList("startCommand"), (int) a.optionalNumber("port").orElse(Architecture.DEFAULT_PORT),
                a.optionalString("probePath").orElse(Architecture.DEFAULT_PROBE_PATH), a.stringList("systemDependencies"),
                a.stringList("packageDependencies"));
    }

    /** What a file step works from: the step and the spec, if there are, the plan's tasks and the architecture. */
    public record FileStepInputs(Optional<TaskStep> step, List<PlannedTask> tasks, Optional<Spec> spec,
                                 Optional<Architecture> architecture) {

        public Optional<PlannedTask> task(int number) {
            return tasks.stream().filter(task -> task.number() == number).findFirst();
        }
    }

    /**
     * A file step's inputs: the step, the spec and the plan's tasks 1..taskCount in one strongly
     * consistent batch read, the architecture's versions in one query.
     */
    public FileStepInputs fileStep(String runId, int taskCount, int task, int step) {
        Key stepKey = Keys.runTaskStep(runId, task, step);
        Key specKey = Keys.runSpec(runId);
        TasksAnd read = tasks(runId, Math.max(taskCount, task), List.of(stepKey, specKey));
        return new FileStepInputs(Optional.ofNullable(read.items().get(stepKey)).map(RunArtifacts::step), read.tasks(),
                Optional.ofNullable(read.items().get(specKey)).map(RunArtifacts::spec), architecture(runId));
    }

    /** Writes the plan's tasks (numbers from 1), replacing any with the same numbers. */
    public void putTasks(String runId, List<PlannedTask> tasks) {
        if (tasks.size() > limits.maxTasks()) {
            throw new IllegalArgumentException("a plan has at most " + limits.maxTasks() + " tasks, got " + tasks.size());
        }
        tasks.forEach(task -> put(taskItem(runId, task, 1)));
    }

    /**
     * The plan's tasks 1..count, in order, in one strongly consistent batch read (a plan has at most
     * {@code maxTasks}, under BatchGetItem's 100 keys).
     */
    public List<PlannedTask> tasks(String runId, int count) {
        return tasks(runId, count, List.of()).tasks();
    }

    /** The tasks 1..count and the items of {@code others}, in one batch read. */
    private TasksAnd tasks(String runId, int count, List<Key> others) {
        List<Key> taskKeys = new ArrayList<>();
        for (int number = 1; number <= Math.min(count, limits.maxTasks()); number++) {
            taskKeys.add(Keys.runTask(runId, number));
        }
        List<Key> keys = new ArrayList<>(taskKeys);
        keys.addAll(others);
        Map<Key, Map<String, AttributeValue>> items = keys.isEmpty() ? Map.of() : table.getAll(keys);
        return new TasksAnd(taskKeys.stream().map(items::get).filter(java.util.Objects::nonNull).map(RunArtifacts::task).toList(), items);
    }

    private record TasksAnd(List<PlannedTask> tasks, Map<Key, Map<String, AttributeValue>> items) {
    }

    public Optional<PlannedTask> task(String runId, int number) {
        return table.get(Keys.runTask(runId, number)).map(RunArtifacts::task);
    }

    /**
     * Saves a task read at {@code task.version()}.
     *
     * @throws dev.samokoder.core.storage.VersionConflictException if it changed since it was read
     */
    public PlannedTask saveTask(String runId, PlannedTask task) {
        table.replace(Keys.runTask(runId, task.number()), taskItem(runId, task, task.version() + 1), task.version());
        return new PlannedTask(task.number(), task.epic(), task.title(), task.description(), task.acceptanceTests(),
                task.status(), task.planRounds(), task.fixBudgetFrom(), task.version() + 1);
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
     * @throws dev.samokoder.core.storage.ItemAlreadyExistsException if another writer appended first
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
     * @throws dev.samokoder.core.storage.VersionConflictException if it changed since it was read
     */
    public TaskStep saveStep(String runId, TaskStep step) {
        TaskStep saved = new TaskStep(step.task(), step.number(), step.kind(), step.path(), step.instructions(), step.argv(),
                step.status(), step.failure(), step.version() + 1, step.after());
        table.replace(Keys.runTaskStep(runId, step.task(), step.number()), stepItem(runId, saved), step.version());
        return saved;
    }

    /** @throws dev.samokoder.core.storage.ItemAlreadyExistsException if the iteration number is taken */
    public void addIteration(String runId, FixIteration iteration) {
        table.create(Keys.runTaskIteration(runId, iteration.task(), iteration.number()),
                Attributes.item(Keys.runTaskIteration(runId, iteration.task(), iteration.number()), ITERATION_TYPE, 1)
                        .number("task", iteration.task())
                        .number("iteration", iteration.number())
                        .string("kind", iteration.kind().name())
                        .string("diagnosis", text(iteration.diagnosis()))
                        .string("plan", text(iteration.plan()))
                        .string("failureHash", iteration.failureHash())
                        .number("execution", iteration.execution())
                        .instant("createdAt", clock.instant())
                        .build());
    }

    public Optional<FixIteration> iteration(String runId, int task, int number) {
        return table.get(Keys.runTaskIteration(runId, task, number)).map(RunArtifacts::iteration);
    }

    /** The task's fix iterations in order (one small query: a task has a bounded number of them). */
    public List<FixIteration> iterations(String runId, int task) {
        return table.queryAll(Keys.runPartition(runId), Keys.taskIterationPrefix(task)).stream().map(RunArtifacts::iteration)
                .sorted(java.util.Comparator.comparingInt(FixIteration::number)).toList();
    }

    private static FixIteration iteration(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new FixIteration((int) a.number("task"), (int) a.number("iteration"), FixIteration.Kind.valueOf(a.string("kind")),
                a.string("diagnosis"), a.string("plan"), a.string("failureHash"), (int) a.optionalNumber("execution").orElse(0));
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
                .number("fixBudgetFrom", task.fixBudgetFrom())
                .build();
    }

    private static PlannedTask task(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new PlannedTask((int) a.number("number"), a.string("epic"), a.string("title"), a.string("description"),
                a.stringList("acceptanceTests"), TaskStatus.valueOf(a.string("status")), (int) a.number("planRounds"),
                (int) a.optionalNumber("fixBudgetFrom").orElse(1), a.version());
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
