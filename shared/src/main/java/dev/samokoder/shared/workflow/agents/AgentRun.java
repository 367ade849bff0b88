package dev.samokoder.shared.workflow.agents;

import dev.samokoder.shared.domain.FileEntry;
import dev.samokoder.shared.llm.CallScope;
import dev.samokoder.shared.storage.Page;
import dev.samokoder.shared.storage.VersionConflictException;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunProgress;
import dev.samokoder.shared.workflow.agents.artifacts.PlannedTask;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run-level chores every agent shares: read the run and its current task, build the model
 * call's scope, change the run's progress under optimistic locking, and log to the timeline.
 */
public final class AgentRun {

    /** Conflicting writers of one run are at most the Map's parallel CodeMonkeys; each retry re-reads. */
    static final int MAX_CONFLICT_RETRIES = 50;
    /** Files listed to the planning agents. */
    static final int MAX_LISTED_FILES = 100; // one page of the file index (SingleTable.MAX_PAGE_SIZE)

    private final AgentContext context;

    public AgentRun(AgentContext context) {
        this.context = context;
    }

    public Run run(String runId) {
        return context.runs().get(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
    }

    /** The scope a call of this run is recorded and budgeted under: the project's owner pays, its budget applies. */
    public CallScope scope(Run run, String agent) {
        return context.projects().get(run.projectId())
                .map(project -> CallScope.forProject(run.id(), project, agent))
                .orElseGet(() -> CallScope.of(run.id(), run.projectId(), run.userId(), agent));
    }

    /** The task the run is on (numbered from 1; {@link RunProgress#currentTask()} counts from 0). */
    public PlannedTask currentTask(Run run) {
        int number = run.progress().currentTask() + 1;
        return context.artifacts().task(run.id(), number)
                .orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no task " + number));
    }

    /**
     * Applies {@code change} to the latest run until the save wins; {@code change} answers empty
     * when there is nothing to do (another writer got there first).
     *
     * @return the saved run, or empty when nothing changed
     */
    public Optional<Run> updateProgress(String runId, Function<Run, Optional<RunProgress>> change) {
        for (int attempt = 1; ; attempt++) {
            Run current = run(runId);
            Optional<RunProgress> next = change.apply(current);
            if (next.isEmpty() || next.get().equals(current.progress())) {
                return Optional.empty();
            }
            try {
                return Optional.of(context.runs().save(current.withProgress(next.get())));
            } catch (VersionConflictException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /**
     * The project's files as the planning agents see them: paths and sizes, the first
     * {@value #MAX_LISTED_FILES} in path order (one page of the index, so the read stays bounded
     * whatever the project's size). A change request builds on these.
     */
    public String fileListing(Run run) {
        Page<FileEntry> page = context.files().list(run.projectId(), MAX_LISTED_FILES, Optional.empty());
        if (page.items().isEmpty()) {
            return "(no files yet: a new app)";
        }
        StringBuilder listing = new StringBuilder();
        page.items().forEach(file -> listing.append(file.path().value()).append(" (").append(file.blob().size()).append(" bytes)\n"));
        if (page.nextCursor().isPresent()) {
            listing.append("… and more files (only the first ").append(MAX_LISTED_FILES).append(" are listed)\n");
        }
        return listing.toString();
    }

    public void event(String runId, String type, String message, Map<String, String> data) {
        context.events().append(runId, type, message, data);
    }
}
