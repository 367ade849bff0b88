package dev.samokoder.shared.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * One generation run of a project: who, what for, where it stands, and the constant-size
 * progress the router reads. Specs, tasks, files and events are items of their own.
 *
 * @param request the user's description or change request (bounded in length by the API)
 * @param lastStep the step the router chose last, and why (for the run view)
 * @param failure why the run stopped, when it failed
 * @param version the optimistic-locking version this copy was read at
 */
public record Run(String id, String projectId, String userId, RunKind kind, String request, RunStatus status,
                  RunProgress progress, Optional<RouteDecision> lastStep, Optional<String> failure,
                  Instant createdAt, Instant updatedAt, long version) {

    public static final String ID_PREFIX = "run";

    public Run withStatus(RunStatus newStatus) {
        return new Run(id, projectId, userId, kind, request, newStatus, progress, lastStep, failure, createdAt, updatedAt, version);
    }

    public Run withProgress(RunProgress newProgress) {
        return new Run(id, projectId, userId, kind, request, status, newProgress, lastStep, failure, createdAt, updatedAt, version);
    }

    public Run withLastStep(RouteDecision decision) {
        return new Run(id, projectId, userId, kind, request, status, progress, Optional.of(decision), failure, createdAt, updatedAt, version);
    }

    public Run withFailure(String reason) {
        return new Run(id, projectId, userId, kind, request, status, progress, lastStep, Optional.of(reason), createdAt, updatedAt, version);
    }
}
