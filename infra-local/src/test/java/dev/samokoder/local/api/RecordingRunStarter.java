package dev.samokoder.local.api;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.ProjectRepository;
import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.RunStarter;
import dev.samokoder.services.runs.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RunStarter} of our own for the webhook tests (the runs API's is another issue): it keeps
 * the contract's ownership check against the real project store, records every call, and fails
 * every request that mentions "poison", so a delivery can be made to keep failing.
 */
final class RecordingRunStarter implements RunStarter {

    record Call(String userId, String projectId, RunKind kind, String request, String runId) {
    }

    private final List<Call> calls = new ArrayList<>();
    private volatile ProjectRepository projects;

    void useProjects(ProjectRepository repository) {
        this.projects = repository;
    }

    @Override
    public Run start(String userId, String projectId, RunKind kind, String request, Optional<AutonomyMode> mode) {
        if (projects.getOwned(projectId, userId).isEmpty()) {
            throw new ProjectNotFoundException(projectId);
        }
        String runId = Ids.newId(Run.ID_PREFIX);
        synchronized (calls) {
            calls.add(new Call(userId, projectId, kind, request, runId));
        }
        if (request.contains("poison")) {
            throw new IllegalStateException("this request always fails to start");
        }
        Instant now = Instant.now();
        return new Run(runId, projectId, userId, kind, request, RunStatus.RUNNING,
                new RunProgress(mode.orElse(AutonomyMode.AUTONOMOUS), false, 0, false, false, 0, 0,
                        RunProgress.TaskProgress.fresh(), false, false),
                Optional.empty(), Optional.empty(), new Run.Control(1, Optional.empty(), Optional.empty(), "snapshots/x"), now, now, 1);
    }

    List<Call> callsFor(String projectId) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.projectId().equals(projectId)).toList();
        }
    }
}
