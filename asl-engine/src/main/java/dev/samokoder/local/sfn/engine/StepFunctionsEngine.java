package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.DefinitionParser;
import dev.samokoder.local.sfn.asl.InvalidDefinitionException;
import dev.samokoder.local.sfn.asl.StateMachineDefinition;
import dev.samokoder.local.sfn.store.Checkpoint;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import dev.samokoder.local.sfn.store.HistoryEvent;
import dev.samokoder.local.sfn.store.StateMachineRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The local Step Functions service: state machines, executions and task tokens, with the semantics of the
 * Step Functions API operations of the same names. Executions that were running when the engine last
 * stopped are resumed by {@link #start}.
 */
public final class StepFunctionsEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsEngine.class);
    private static final Pattern VALID_NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

    private final EngineConfig config;
    private final EngineServices services;
    private final Map<String, ExecutionRun> runs = new ConcurrentHashMap<>();

    private StepFunctionsEngine(EngineConfig config) {
        this.config = config;
        this.services = new EngineServices(config.scheduler(), config.store(), config.integrations(), new TaskTokens(),
                config.region(), config.accountId());
    }

    /** Creates the engine and resumes every execution the store records as running. */
    public static StepFunctionsEngine start(EngineConfig config) {
        StepFunctionsEngine engine = new StepFunctionsEngine(config);
        engine.resumeRunningExecutions();
        return engine;
    }

    public EngineConfig config() {
        return config;
    }

    public StateMachineRecord createStateMachine(String name, String definition, String roleArn, String type) {
        requireValidName(name);
        String machineType = type == null ? "STANDARD" : type;
        if (!machineType.equals("STANDARD") && !machineType.equals("EXPRESS")) {
            throw new SfnException("ValidationException", "type must be STANDARD or EXPRESS");
        }
        parse(definition);
        String arn = "arn:aws:states:" + config.region() + ":" + config.accountId() + ":stateMachine:" + name;
        synchronized (this) {
            StateMachineRecord existing = config.store().stateMachine(arn).orElse(null);
            if (existing != null) {
                if (existing.definition().equals(definition) && Objects.equals(existing.roleArn(), roleArn)) {
                    return existing;
                }
                throw new SfnException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
            StateMachineRecord created = new StateMachineRecord(arn, name, definition, roleArn, machineType, services.scheduler().now());
            config.store().putStateMachine(created);
            return created;
        }
    }

    public StateMachineRecord describeStateMachine(String arn) {
        return config.store().stateMachine(arn)
                .orElseThrow(() -> new SfnException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'"));
    }

    public List<StateMachineRecord> listStateMachines() {
        return config.store().stateMachines();
    }

    public void deleteStateMachine(String arn) {
        config.store().deleteStateMachine(arn);
    }

    public ExecutionRecord startExecution(String stateMachineArn, String name, String input) {
        StateMachineRecord machine = describeStateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        requireValidName(executionName);
        String executionInput = input == null ? "{}" : input;
        if (!Json.isJson(executionInput)) {
            throw new SfnException("InvalidExecutionInput", "Invalid State Machine Execution Input: the input is not valid JSON");
        }
        String arn = "arn:aws:states:" + config.region() + ":" + config.accountId() + ":execution:" + machine.name() + ":" + executionName;
        StateMachineDefinition definition = parse(machine.definition());
        ExecutionRun run;
        synchronized (this) {
            ExecutionRecord existing = config.store().execution(arn).orElse(null);
            if (existing != null) {
                if (existing.status() == ExecutionStatus.RUNNING && existing.input().equals(executionInput)) {
                    return existing;
                }
                throw new SfnException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            ExecutionRecord record = new ExecutionRecord(arn, stateMachineArn, executionName, machine.definition(),
                    ExecutionStatus.RUNNING, services.scheduler().now(), null, executionInput, null, null, null);
            config.store().putExecution(record);
            run = new ExecutionRun(services, record, definition, List.of(), 0);
            runs.put(arn, run);
        }
        ObjectNode details = HistoryRecorder.details().put("input", executionInput).put("roleArn", machine.roleArn());
        details.putObject("inputDetails").put("truncated", false);
        run.history.record("ExecutionStarted", "executionStartedEventDetails", details);
        launch(run);
        return run.record;
    }

    public ExecutionRecord describeExecution(String arn) {
        return config.store().execution(arn)
                .orElseThrow(() -> new SfnException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'"));
    }

    /** Newest first, as the API lists them; {@code status} null means any. */
    public List<ExecutionRecord> listExecutions(String stateMachineArn, ExecutionStatus status) {
        describeStateMachine(stateMachineArn);
        return config.store().executions().stream()
                .filter(e -> e.stateMachineArn().equals(stateMachineArn))
                .filter(e -> status == null || e.status() == status)
                .sorted(Comparator.comparing(ExecutionRecord::startDate).reversed())
                .toList();
    }

    public ExecutionRecord stopExecution(String arn, String error, String cause) {
        ExecutionRecord record = describeExecution(arn);
        ExecutionRun run = runs.get(arn);
        if (record.status() == ExecutionStatus.RUNNING && run != null) {
            run.stop(error, cause);
        }
        return describeExecution(arn);
    }

    public List<HistoryEvent> history(String arn) {
        describeExecution(arn);
        return config.store().history(arn);
    }

    /** The answer is persisted before the task sees it, so once this returns a crash cannot lose it. */
    public void sendTaskSuccess(String token, String output) {
        if (output == null || !Json.isJson(output)) {
            throw new SfnException("InvalidOutput", "Invalid Output: the output is not valid JSON");
        }
        answer(token, true, Json.parse(output), null, null);
    }

    /** Like {@link #sendTaskSuccess}, persisted before the task sees it. */
    public void sendTaskFailure(String token, String error, String cause) {
        answer(token, false, null, error, cause);
    }

    public void sendTaskHeartbeat(String token) {
        waitingTask(token).heartbeat.run();
    }

    /** Blocks until the execution leaves RUNNING; for tests and tools, not part of the AWS API. */
    public ExecutionRecord awaitCompletion(String arn, Duration timeout) throws TimeoutException, InterruptedException {
        ExecutionRun run = runs.get(arn);
        if (run == null) {
            return describeExecution(arn);
        }
        try {
            return run.finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        config.scheduler().close();
        config.store().close();
    }

    private void answer(String token, boolean succeeded, JsonNode output, String error, String cause) {
        TaskTokens.Pending pending = waitingTask(token);
        synchronized (pending) {
            if (pending.result.isDone()) {
                throw taskNoLongerWaiting(); // a concurrent answer or the timeout came first
            }
            Checkpoint.TaskTokenAnswered answer = new Checkpoint.TaskTokenAnswered(pending.key, token, succeeded, output, error, cause);
            config.store().appendCheckpoint(pending.executionArn, answer);
            complete(pending, answer);
        }
    }

    private static void complete(TaskTokens.Pending pending, Checkpoint.TaskTokenAnswered answer) {
        if (answer.succeeded()) {
            pending.result.complete(answer.output());
        } else {
            pending.result.completeExceptionally(new StateFailure(answer.error(), answer.cause()));
        }
    }

    private TaskTokens.Pending waitingTask(String token) {
        TaskTokens.Pending pending = services.tokens().find(token);
        if (pending != null && !pending.result.isDone()) {
            return pending;
        }
        if (token != null && TaskTokens.isWellFormed(token)) {
            throw taskNoLongerWaiting();
        }
        throw new SfnException("InvalidToken", "Invalid Token: 'Invalid token'");
    }

    private static SfnException taskNoLongerWaiting() {
        return new SfnException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }

    private void launch(ExecutionRun run) {
        run.finished.whenComplete((record, error) -> runs.remove(record.arn()));
        run.start();
    }

    private void resumeRunningExecutions() {
        for (ExecutionRecord record : config.store().executions()) {
            if (record.status() != ExecutionStatus.RUNNING) {
                continue;
            }
            StateMachineDefinition definition;
            try {
                definition = DefinitionParser.parse(record.definition());
            } catch (InvalidDefinitionException e) {
                LOG.error("cannot resume {}: its stored definition no longer loads", record.arn(), e);
                continue;
            }
            List<Checkpoint> checkpoints = config.store().checkpoints(record.arn());
            long lastHistoryId = config.store().history(record.arn()).stream().mapToLong(HistoryEvent::id).max().orElse(0);
            ExecutionRun run = new ExecutionRun(services, record, definition, checkpoints, lastHistoryId);
            for (Checkpoint.TaskTokenIssued token : run.outstandingTokens()) {
                TaskTokens.Pending pending = services.tokens().register(token.token(), record.arn(), token.key());
                Checkpoint.TaskTokenAnswered answer = run.answerTo(token.token());
                if (answer != null) {
                    complete(pending, answer); // answered before the stop, but the task had not recorded it
                }
            }
            runs.put(record.arn(), run);
            LOG.info("resuming execution {} from {} checkpoint(s)", record.arn(), checkpoints.size());
            launch(run);
        }
    }

    private static StateMachineDefinition parse(String definition) {
        if (definition == null) {
            throw new SfnException("InvalidDefinition", "Invalid State Machine Definition: definition is required");
        }
        try {
            return DefinitionParser.parse(definition);
        } catch (InvalidDefinitionException e) {
            throw new SfnException("InvalidDefinition", e.getMessage());
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new SfnException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }
}
