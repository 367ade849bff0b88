package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.StateMachineDefinition;
import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.store.Checkpoint;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution while it runs: its definition, history, checkpoints and cancellation. When resumed after
 * a restart it replays the definition from the start, taking every state recorded as completed from its
 * checkpoint instead of running it again, so it continues from the last completed state.
 */
final class ExecutionRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRun.class);

    final EngineServices services;
    final ExecutionRecord record;
    final StateMachineDefinition definition;
    final HistoryRecorder history;
    final CancellationScope rootScope = new CancellationScope();
    final CompletableFuture<ExecutionRecord> finished = new CompletableFuture<>();

    private final Map<String, Checkpoint.StateCompleted> completed = new ConcurrentHashMap<>();
    private final Map<String, Checkpoint.TaskTokenIssued> issuedTokens = new ConcurrentHashMap<>();
    private final Map<String, Checkpoint.WaitStarted> waits = new ConcurrentHashMap<>();
    private final Map<String, Checkpoint.TaskTokenAnswered> answers = new ConcurrentHashMap<>();
    private final ObjectNode executionContext;
    private final ObjectNode stateMachineContext;
    private final AtomicBoolean finalized = new AtomicBoolean();
    private volatile EngineScheduler.TimerHandle executionTimeout;

    ExecutionRun(EngineServices services, ExecutionRecord record, StateMachineDefinition definition,
                 List<Checkpoint> checkpoints, long lastHistoryId) {
        this.services = services;
        this.record = record;
        this.definition = definition;
        this.history = new HistoryRecorder(record.arn(), services.store(), services.scheduler(), lastHistoryId);
        for (Checkpoint checkpoint : checkpoints) {
            switch (checkpoint) {
                case Checkpoint.StateCompleted c -> completed.put(c.key(), c);
                case Checkpoint.TaskTokenIssued t -> issuedTokens.put(t.key(), t);
                case Checkpoint.WaitStarted w -> waits.put(w.key(), w);
                case Checkpoint.TaskTokenAnswered a -> answers.put(a.token(), a);
            }
        }
        this.executionContext = JsonNodeFactory.instance.objectNode();
        executionContext.put("Id", record.arn());
        executionContext.set("Input", Json.parse(record.input()));
        executionContext.put("Name", record.name());
        executionContext.put("RoleArn", "arn:aws:iam::" + services.accountId() + ":role/StepFunctionsLocal");
        executionContext.put("StartTime", record.startDate().toString());
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = JsonNodeFactory.instance.objectNode();
        stateMachineContext.put("Id", record.stateMachineArn());
        stateMachineContext.put("Name", record.stateMachineArn().substring(record.stateMachineArn().lastIndexOf(':') + 1));
    }

    /** Tokens that were waiting when the engine stopped; registered before the replay reaches them. */
    List<Checkpoint.TaskTokenIssued> outstandingTokens() {
        return issuedTokens.values().stream().filter(t -> !completed.containsKey(t.key())).toList();
    }

    /** The answer a token got before the engine stopped, if its task had not recorded it yet. */
    Checkpoint.TaskTokenAnswered answerTo(String token) {
        return answers.get(token);
    }

    void start() {
        Integer timeout = definition.timeoutSeconds();
        if (timeout != null) {
            executionTimeout = services.scheduler().schedule(record.startDate().plusSeconds(timeout), this::timeOut);
        }
        services.scheduler().spawn("sfn-execution-" + record.name(), this::run);
    }

    private void run() {
        try {
            JsonNode output = new GraphRunner(this).run(new Frame("", definition.graph(), rootScope), Json.parse(record.input()));
            finish(ExecutionStatus.SUCCEEDED, output.toString(), null, null);
        } catch (StateFailure failure) {
            finish(ExecutionStatus.FAILED, null, failure.error(), failure.cause());
        } catch (ExecutionCancelled cancelled) {
            LOG.debug("execution {} unwound after being stopped", record.arn());
        } catch (RuntimeException e) {
            LOG.error("execution {} failed inside the engine", record.arn(), e);
            finish(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, "Internal engine error: " + e);
        }
    }

    boolean stop(String error, String cause) {
        boolean stopped = finish(ExecutionStatus.ABORTED, null, error, cause);
        rootScope.cancel();
        return stopped;
    }

    private void timeOut() {
        finish(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT, "The execution timed out after "
                + definition.timeoutSeconds() + " seconds");
        rootScope.cancel();
    }

    private boolean finish(ExecutionStatus status, String output, String error, String cause) {
        if (!finalized.compareAndSet(false, true)) {
            return false;
        }
        EngineScheduler.TimerHandle timeout = executionTimeout;
        if (timeout != null) {
            timeout.cancel();
        }
        ExecutionRecord done = record.finish(status, services.scheduler().now(), output, error, cause);
        services.store().putExecution(done);
        ObjectNode details = HistoryRecorder.details();
        String type = switch (status) {
            case SUCCEEDED -> {
                details.put("output", output);
                details.putObject("outputDetails").put("truncated", false);
                yield "ExecutionSucceeded";
            }
            case FAILED -> "ExecutionFailed";
            case ABORTED -> "ExecutionAborted";
            case TIMED_OUT -> "ExecutionTimedOut";
            case RUNNING -> throw new IllegalStateException("not a final status");
        };
        if (status != ExecutionStatus.SUCCEEDED) {
            putIfNotNull(details, "error", error);
            putIfNotNull(details, "cause", cause);
        }
        String field = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
        history.recordFinal(type, field, details);
        services.tokens().removeExecution(record.arn());
        finished.complete(done);
        return true;
    }

    boolean isFinished() {
        return finalized.get();
    }

    Checkpoint.StateCompleted completedAt(String key) {
        return completed.get(key);
    }

    Checkpoint.TaskTokenIssued tokenIssuedAt(String key) {
        return issuedTokens.get(key);
    }

    Checkpoint.WaitStarted waitStartedAt(String key) {
        return waits.get(key);
    }

    void checkpoint(Checkpoint checkpoint) {
        if (!finalized.get()) {
            services.store().appendCheckpoint(record.arn(), checkpoint);
        }
    }

    Instant now() {
        return services.scheduler().now();
    }

    /** Waits for the future; a failure carrying a StateFailure is rethrown as one. */
    <T> T await(CompletableFuture<T> future, CancellationScope scope) throws StateFailure {
        try {
            return services.scheduler().await(scope.race(future));
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StateFailure failure) {
                throw failure;
            }
            if (cause instanceof ExecutionCancelled cancelled) {
                throw cancelled;
            }
            throw new StateFailure(ErrorNames.RUNTIME, String.valueOf(cause));
        }
    }

    void sleepUntil(Instant until, CancellationScope scope) throws StateFailure {
        if (until.isAfter(now())) {
            await(services.scheduler().timer(until), scope);
        }
    }

    /** The context object ($$) for one state visit. */
    ObjectNode context(Step step, int retryCount, String taskToken) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.set("Execution", executionContext);
        context.set("StateMachine", stateMachineContext);
        context.putObject("State").put("EnteredTime", step.enteredTime().toString()).put("Name", step.stateName())
                .put("RetryCount", retryCount);
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        return context;
    }

    private static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
