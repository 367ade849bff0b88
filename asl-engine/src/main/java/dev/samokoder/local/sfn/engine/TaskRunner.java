package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.DataFlow;
import dev.samokoder.local.sfn.asl.State;
import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PathReadException;
import dev.samokoder.local.sfn.store.Checkpoint;
import dev.samokoder.local.sfn.tasks.TaskFailedException;
import dev.samokoder.local.sfn.tasks.TaskResource;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Task states: request-response and .sync integrations run on their own virtual thread and race the
 * TimeoutSeconds timer; .waitForTaskToken registers a token, dispatches, then waits for the callback, the
 * timeout or a missed heartbeat. A token already dispatched before a restart is waited on again, not re-sent.
 */
final class TaskRunner {

    private final ExecutionRun run;

    TaskRunner(ExecutionRun run) {
        this.run = run;
    }

    Outcome run(State.Task task, JsonNode rawInput, Step step) throws StateFailure {
        DataFlow flow = task.dataFlow();
        JsonNode effective = DataFlowProcessor.inputPath(flow.inputPath(), rawInput);
        TaskResource resource = TaskResource.parse(task.resource())
                .orElseThrow(() -> new IllegalStateException("validated resource " + task.resource()));
        Integer timeout = seconds(task.timeouts().timeoutSeconds(), task.timeouts().timeoutSecondsPath(), effective, "TimeoutSecondsPath");
        Integer heartbeat = seconds(task.timeouts().heartbeatSeconds(), task.timeouts().heartbeatSecondsPath(), effective, "HeartbeatSecondsPath");
        TaskEvents events = new TaskEvents(run.history, resource, run.services.region());
        return ErrorHandlingExecutor.execute(run, task.errorHandling(), rawInput, step, retryCount -> {
            JsonNode result = resource.pattern() == TaskResource.Pattern.WAIT_FOR_TASK_TOKEN
                    ? callback(flow, effective, resource, step, retryCount, timeout, heartbeat, events)
                    : direct(flow, effective, resource, step, retryCount, timeout, heartbeat, events);
            JsonNode selected = DataFlowProcessor.resultSelector(flow.resultSelector(), result, run.context(step, retryCount, null));
            JsonNode combined = DataFlowProcessor.resultPath(flow.resultPath(), rawInput, selected);
            return new Outcome(DataFlowProcessor.outputPath(flow.outputPath(), combined), task.next());
        });
    }

    private JsonNode direct(DataFlow flow, JsonNode effective, TaskResource resource, Step step, int retryCount,
                            Integer timeout, Integer heartbeat, TaskEvents events) throws StateFailure {
        JsonNode parameters = DataFlowProcessor.parameters(flow.parameters(), effective, run.context(step, retryCount, null));
        events.scheduled(parameters, timeout, heartbeat);
        events.started();
        CompletableFuture<JsonNode> outcome = dispatchAsync(resource, parameters, step);
        EngineScheduler.TimerHandle timer = timeout == null ? null
                : run.services.scheduler().schedule(run.now().plusSeconds(timeout), () -> outcome.completeExceptionally(
                        new StateFailure(ErrorNames.TIMEOUT, "Task timed out after " + timeout + " seconds")));
        try {
            JsonNode result = run.await(outcome, step.scope());
            events.succeeded(result);
            return result;
        } catch (StateFailure failure) {
            events.failed(failure);
            throw failure;
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private JsonNode callback(DataFlow flow, JsonNode effective, TaskResource resource, Step step, int retryCount,
                              Integer timeout, Integer heartbeat, TaskEvents events) throws StateFailure {
        String executionArn = run.record.arn();
        Checkpoint.TaskTokenIssued issued = retryCount == 0 ? run.tokenIssuedAt(step.key()) : null;
        String token = issued != null ? issued.token() : TaskTokens.newToken(executionArn, step.key() + "@" + retryCount);
        TaskTokens.Pending pending = run.services.tokens().register(token, executionArn, step.key());
        EngineScheduler scheduler = run.services.scheduler();
        AtomicReference<EngineScheduler.TimerHandle> heartbeatTimer = new AtomicReference<>();
        EngineScheduler.TimerHandle timeoutTimer = null;
        try {
            Instant issuedAt;
            if (issued == null) {
                JsonNode parameters = DataFlowProcessor.parameters(flow.parameters(), effective, run.context(step, retryCount, token));
                events.scheduled(parameters, timeout, heartbeat);
                events.started();
                JsonNode submitted = run.await(dispatchAsync(resource, parameters, step), step.scope());
                issuedAt = run.now();
                run.checkpoint(new Checkpoint.TaskTokenIssued(step.key(), token, issuedAt));
                events.submitted(submitted);
            } else {
                issuedAt = issued.issuedAt();
            }
            if (timeout != null) {
                timeoutTimer = scheduler.schedule(issuedAt.plusSeconds(timeout), () -> pending.result.completeExceptionally(
                        new StateFailure(ErrorNames.TIMEOUT, "Task timed out after " + timeout + " seconds")));
            }
            if (heartbeat != null) {
                Runnable restartHeartbeat = () -> {
                    EngineScheduler.TimerHandle previous = heartbeatTimer.getAndSet(scheduler.schedule(
                            scheduler.now().plusSeconds(heartbeat), () -> pending.result.completeExceptionally(
                                    new StateFailure(ErrorNames.HEARTBEAT_TIMEOUT, "No heartbeat for " + heartbeat + " seconds"))));
                    if (previous != null) {
                        previous.cancel();
                    }
                };
                restartHeartbeat.run();
                pending.heartbeat = restartHeartbeat;
            }
            JsonNode result = run.await(pending.result, step.scope());
            events.succeeded(result);
            return result;
        } catch (StateFailure failure) {
            events.failed(failure);
            throw failure;
        } finally {
            run.services.tokens().remove(token);
            if (timeoutTimer != null) {
                timeoutTimer.cancel();
            }
            EngineScheduler.TimerHandle lastHeartbeat = heartbeatTimer.get();
            if (lastHeartbeat != null) {
                lastHeartbeat.cancel();
            }
        }
    }

    private CompletableFuture<JsonNode> dispatchAsync(TaskResource resource, JsonNode parameters, Step step) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        run.services.scheduler().spawn("sfn-task-" + step.stateName(), () -> {
            try {
                result.complete(TaskDispatch.dispatch(run.services.integrations(), resource, parameters));
            } catch (TaskFailedException e) {
                result.completeExceptionally(new StateFailure(e.error(), e.cause()));
            } catch (RuntimeException e) {
                result.completeExceptionally(new StateFailure(ErrorNames.TASK_FAILED, e.toString()));
            }
        });
        return result;
    }

    private static Integer seconds(Integer literal, JsonPath path, JsonNode input, String field) throws StateFailure {
        if (path == null) {
            return literal;
        }
        try {
            JsonNode value = path.read(input);
            if (!value.canConvertToExactIntegral() || value.intValue() < 1) {
                throw new StateFailure(ErrorNames.RUNTIME, field + " must reference a positive integer, got " + value);
            }
            return value.intValue();
        } catch (PathReadException e) {
            throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text() + "' for " + field + ": " + e.getMessage());
        }
    }

    /** The task history events, in the Lambda-function flavour for plain function ARNs as AWS records them. */
    private record TaskEvents(HistoryRecorder history, TaskResource resource, String region) {

        private boolean lambdaFunction() {
            return resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION;
        }

        private ObjectNode base() {
            return HistoryRecorder.details().put("resourceType", resource.resourceType()).put("resource", resource.resourceName());
        }

        void scheduled(JsonNode parameters, Integer timeout, Integer heartbeat) {
            if (lambdaFunction()) {
                ObjectNode details = HistoryRecorder.details().put("resource", resource.arn()).put("input", parameters.toString());
                if (timeout != null) {
                    details.put("timeoutInSeconds", timeout);
                }
                history.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", details);
                return;
            }
            ObjectNode details = base().put("region", region).put("parameters", parameters.toString());
            if (timeout != null) {
                details.put("timeoutInSeconds", timeout);
            }
            if (heartbeat != null) {
                details.put("heartbeatInSeconds", heartbeat);
            }
            history.record("TaskScheduled", "taskScheduledEventDetails", details);
        }

        void started() {
            if (lambdaFunction()) {
                history.record("LambdaFunctionStarted", null, null);
            } else {
                history.record("TaskStarted", "taskStartedEventDetails", base());
            }
        }

        void submitted(JsonNode output) {
            history.record("TaskSubmitted", "taskSubmittedEventDetails", base().put("output", output.toString()));
        }

        void succeeded(JsonNode output) {
            if (lambdaFunction()) {
                history.record("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails",
                        HistoryRecorder.details().put("output", output.toString()));
            } else {
                history.record("TaskSucceeded", "taskSucceededEventDetails", base().put("output", output.toString()));
            }
        }

        void failed(StateFailure failure) {
            boolean timedOut = ErrorNames.TIMEOUT.equals(failure.error()) || ErrorNames.HEARTBEAT_TIMEOUT.equals(failure.error());
            ObjectNode details = lambdaFunction() ? HistoryRecorder.details() : base();
            if (failure.error() != null) {
                details.put("error", failure.error());
            }
            if (failure.cause() != null) {
                details.put("cause", failure.cause());
            }
            if (lambdaFunction()) {
                history.record(timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed",
                        timedOut ? "lambdaFunctionTimedOutEventDetails" : "lambdaFunctionFailedEventDetails", details);
            } else {
                history.record(timedOut ? "TaskTimedOut" : "TaskFailed",
                        timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails", details);
            }
        }
    }
}
