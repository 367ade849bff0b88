package dev.samokoder.services.preview;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.sandbox.ExecutionScript;
import dev.samokoder.sandbox.KeepRule;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's live preview: its current files, installed, built and started with the app's start command in the
 * sandbox (no network, the project's package cache for the installs), served from an origin that is not the
 * platform's. The owner gets in with a one-time ticket in the preview's address ({@link PreviewAccess}); anyone else
 * gets 404, here and at the preview origin.
 */
public final class PreviewService {

    /** Where the preview origin takes a ticket: it answers with its session cookie and sends the browser to {@code /}. */
    public static final String ENTER_PATH = "/.samokoder/enter";
    /** How long past its maximum a live preview may still be ending (its run recording its result). */
    static final java.time.Duration OVERDUE = java.time.Duration.ofMinutes(5);

    /** What the API shows of a preview: the address to open it at (with a fresh ticket while it is live). */
    public record View(Preview preview, URI url, boolean filesChanged, Optional<String> log) {
    }

    private final ProjectService projects;
    private final RunArtifacts artifacts;
    private final WorkspaceSnapshots snapshots;
    private final PreviewRepository repository;
    private final PreviewAccess access;
    private final PreviewLauncher launcher;
    private final SamokoderConfig.Sandbox.Previews settings;
    private final Clock clock;

    public PreviewService(ProjectService projects, RunArtifacts artifacts, WorkspaceSnapshots snapshots, PreviewRepository repository,
                          PreviewAccess access, PreviewLauncher launcher, SamokoderConfig.Sandbox.Previews settings, Clock clock) {
        this.projects = projects;
        this.artifacts = artifacts;
        this.snapshots = snapshots;
        this.repository = repository;
        this.access = access;
        this.launcher = launcher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts a preview of the project's current files, stopping the one before (one per project).
     *
     * @throws dev.samokoder.services.projects.ProjectNotFoundException when it is not the caller's
     * @throws PreviewUnavailableException when the project has no app with a start command, or previews cannot run here
     */
    public View start(String userId, String projectId) {
        projects.get(userId, projectId);
        Architecture app = artifacts.appArchitecture(projectId).orElseThrow(() -> new PreviewUnavailableException(
                "the project has no app to preview yet: a run of it must succeed first"));
        if (app.startCommand().isEmpty()) {
            throw new PreviewUnavailableException("the app's architecture has no start command, so there is nothing to preview ("
                    + app.appType() + ")");
        }
        URI origin = launcher.origin(projectId);
        repository.get(projectId).filter(old -> old.status().live()).ifPresent(old -> stop(old, "replaced by a new preview"));
        Instant now = clock.instant();
        Preview preview = repository.put(repository.get(projectId), new Preview(Ids.newId("pv"), projectId, userId,
                Preview.Status.STARTING, snapshots.take(projectId), String.join(" ", app.startCommand()), now,
                now.plus(settings.maximum()), Optional.empty(), Optional.empty(), 0));
        try {
            launcher.start(preview, request(preview, app), app.probePath());
        } catch (RuntimeException e) {
            repository.update(projectId, preview.id(), p -> p.with(Preview.Status.FAILED,
                    Optional.of("the preview's sandbox could not be started: " + e.getMessage())));
            throw e;
        }
        return view(preview, origin, Optional.empty());
    }

    /** The project's preview, its log so far, and whether the project's files changed since it started. */
    public View get(String userId, String projectId) {
        projects.get(userId, projectId);
        Preview preview = repository.get(projectId).orElseThrow(() -> new PreviewNotFoundException(projectId));
        if (!preview.status().live()) {
            return view(preview, launcher.origin(projectId), Optional.empty());
        }
        if (clock.instant().isAfter(preview.expiresAt().plus(OVERDUE))) {
            // whatever its launcher says (a task that never started, or never reported): past its maximum it is over
            preview = stop(preview, "stopped at its maximum of " + settings.maximum().toMinutes() + " minutes; start it again to go on");
            return view(preview, launcher.origin(projectId), Optional.empty());
        }
        PreviewLauncher.Observation seen = launcher.observe(preview);
        if (seen.now().isPresent()) {
            Preview now = seen.now().get();
            preview = repository.update(projectId, preview.id(), p -> p.with(now.status(), now.message())).orElse(preview);
        }
        return view(preview, launcher.origin(projectId), seen.log());
    }

    /** Stops the project's preview (nothing happens to one that already stopped). */
    public View stop(String userId, String projectId) {
        projects.get(userId, projectId);
        Preview preview = repository.get(projectId).orElseThrow(() -> new PreviewNotFoundException(projectId));
        if (preview.status().live()) {
            preview = stop(preview, "stopped by you");
        }
        return view(preview, launcher.origin(projectId), Optional.empty());
    }

    private Preview stop(Preview preview, String reason) {
        launcher.stop(preview.id(), reason);
        // the launcher recorded the stop; one that no longer runs it (a restart) could not
        repository.update(preview.projectId(), preview.id(), p -> p.with(Preview.Status.STOPPED, Optional.of(reason)));
        return repository.get(preview.projectId()).orElse(preview);
    }

    private View view(Preview preview, URI origin, Optional<String> log) {
        URI url = origin.resolve("/");
        if (preview.status().live()) {
            PreviewAccess.IssuedTicket ticket = access.issue(preview.userId(), preview.projectId(), preview.id());
            url = origin.resolve(ENTER_PATH + "?ticket=" + ticket.ticket());
        }
        boolean changed = !snapshots.take(preview.projectId()).equals(preview.snapshotKey());
        return new View(preview, url, changed, log.or(preview::message));
    }

    /**
     * The sandbox run of a preview: the architecture's installs with the package registries (and the project's
     * cache), then with no network its other steps, the build, and the start command in the foreground with
     * {@code PORT}; the app's port exposed to the preview origin; nothing written back; until the preview's maximum.
     */
    static RunRequest request(Preview preview, Architecture app) {
        List<ExecutionScript.Command> installs = app.registryPhase().stream().map(Architecture.InstallStep::command).toList();
        List<ExecutionScript.Command> commands = new ArrayList<>(app.afterInstalls().stream().map(Architecture.InstallStep::command).toList());
        if (!app.buildCommand().isEmpty()) {
            commands.add(new ExecutionScript.Command(ExecutionScript.COMMAND, app.buildCommand()));
        }
        commands.add(ExecutionScript.serve(app.startCommand()));
        int count = installs.size() + commands.size();
        String install = installs.isEmpty() ? null : ExecutionScript.of(installs, 1, count);
        String script = ExecutionScript.of(commands, installs.size() + 1, count);
        int seconds = (int) java.time.Duration.between(preview.createdAt(), preview.expiresAt()).toSeconds();
        // the run is named after the preview: where it serves and what it wrote are found by the preview's id
        return new RunRequest(preview.id(), preview.id(), preview.projectId(), preview.snapshotKey(), List.of(script), true, "",
                Map.of("PORT", Integer.toString(app.port())), seconds, false, List.of(KeepRule.drop("**")), install, app.port());
    }
}
