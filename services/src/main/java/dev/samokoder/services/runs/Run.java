package dev.samokoder.services.runs;

import java.time.Instant;
import java.util.Optional;

/**
 * One generation run of a project: who, what for, where it stands, and the constant-size
 * progress the router reads. Specs, tasks, files and events are items of their own.
 *
 * @param request the user's description or change request (bounded in length by the API)
 * @param lastStep the step the router chose last, and why (for the run view)
 * @param failure why the run stopped, when it failed
 * @param control the run's handles on its workflow execution and workspace
 * @param version the optimistic-locking version this copy was read at
 */
public record Run(String id, String projectId, String userId, RunKind kind, String request, RunStatus status,
                  RunProgress progress, Optional<RouteDecision> lastStep, Optional<String> failure, Control control,
                  Instant createdAt, Instant updatedAt, long version) {

    public static final String ID_PREFIX = "run";

    /**
     * @param attempt 1 for the first execution; a resume of a failed run starts attempt 2, and so on
     * @param executionArn the Step Functions execution of the current attempt, once started
     * @param waitToken the task token the execution waits on (a question or a budget pause)
     * @param goodSnapshot the workspace as it was after the last completed task (or at the start):
     *                     a failed or cancelled run puts the project's files back to it
     * @param failedSnapshot the workspace as the failure found it, before it was put back: a resume
     *                       that continues the failed task restores it
     * @param baseline the workspace the run started from; it never changes
     */
    public record Control(int attempt, Optional<String> executionArn, Optional<String> waitToken, String goodSnapshot,
                          Optional<String> failedSnapshot, String baseline) {

        /** A run's first control: it starts from {@code goodSnapshot}. */
        public Control(int attempt, Optional<String> executionArn, Optional<String> waitToken, String goodSnapshot) {
            this(attempt, executionArn, waitToken, goodSnapshot, Optional.empty(), goodSnapshot);
        }

        public Control withExecution(String arn) {
            return new Control(attempt, Optional.of(arn), waitToken, goodSnapshot, failedSnapshot, baseline);
        }

        public Control withWaitToken(Optional<String> token) {
            return new Control(attempt, executionArn, token, goodSnapshot, failedSnapshot, baseline);
        }

        public Control withGoodSnapshot(String snapshot) {
            return new Control(attempt, executionArn, waitToken, snapshot, failedSnapshot, baseline);
        }

        public Control withFailedSnapshot(Optional<String> snapshot) {
            return new Control(attempt, executionArn, waitToken, goodSnapshot, snapshot, baseline);
        }

        public Control nextAttempt() {
            return new Control(attempt + 1, Optional.empty(), Optional.empty(), goodSnapshot, Optional.empty(), baseline);
        }
    }

    /** The name of the current attempt's execution: unique per run and attempt, so a start is idempotent. */
    public String executionName() {
        return control.attempt() == 1 ? id : id + "-" + control.attempt();
    }

    public Run withStatus(RunStatus newStatus) {
        return new Run(id, projectId, userId, kind, request, newStatus, progress, lastStep, failure, control, createdAt, updatedAt, version);
    }

    public Run withProgress(RunProgress newProgress) {
        return new Run(id, projectId, userId, kind, request, status, newProgress, lastStep, failure, control, createdAt, updatedAt, version);
    }

    public Run withLastStep(RouteDecision decision) {
        return new Run(id, projectId, userId, kind, request, status, progress, Optional.of(decision), failure, control, createdAt, updatedAt, version);
    }

    public Run withFailure(Optional<String> reason) {
        return new Run(id, projectId, userId, kind, request, status, progress, lastStep, reason, control, createdAt, updatedAt, version);
    }

    public Run withControl(Control newControl) {
        return new Run(id, projectId, userId, kind, request, status, progress, lastStep, failure, newControl, createdAt, updatedAt, version);
    }
}
