package dev.samokoder.services.preview;

import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.Stack;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the service records about a preview, whatever runs it: a launcher that records what it is asked stands in. */
@ExtendWith(LocalAwsExtension.class)
class PreviewServiceIT {

    private static final Duration MAXIMUM = Duration.ofMinutes(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final Launcher launcher = new Launcher();
    private Storage storage;
    private PreviewService previews;
    private String owner;
    private Project project;

    /** Records starts and stops; its observation and a failing start are set by the test. */
    private static final class Launcher implements PreviewLauncher {
        final List<String> started = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();
        RuntimeException refuse;
        Observation observation = Observation.NOTHING;

        @Override
        public void start(Preview preview, RunRequest request, String probePath) {
            if (refuse != null) {
                throw refuse;
            }
            started.add(preview.id());
        }

        @Override
        public void stop(String previewId, String reason) {
            stopped.add(previewId + ": " + reason);
        }

        @Override
        public Observation observe(Preview preview) {
            return observation;
        }

        @Override
        public URI origin(String projectId) {
            return URI.create("https://" + projectId.replace('_', '-') + ".preview.example.test");
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        storage = aws.storage(clock);
        ProjectService projects = new ProjectService(storage.projects(), storage.files());
        RunArtifacts artifacts = new RunArtifacts(aws.clients().dynamoDb(), storage.table(), clock, AgentLimits.defaults());
        previews = new PreviewService(projects, artifacts,
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName())),
                new PreviewRepository(storage.table(), RetryPolicy.defaults()),
                new PreviewAccess(storage.table(), new byte[32], MAXIMUM, clock), launcher,
                new SamokoderConfig.Sandbox.Previews(Duration.ofMinutes(15), MAXIMUM), clock);
        owner = Ids.newId("usr");
        project = projects.create(owner, "Todos", "", ProjectSettings.defaults());
        storage.files().create(project.id(), WorkspacePath.of("server.js"), storage.blobs().put("listen()".getBytes(StandardCharsets.UTF_8)));
        artifacts.keepAsApp(project.id(), new Spec("todos", List.of()), new Architecture(1, "chosen", "web app", Stack.NODE, List.of(),
                List.of(), List.of("npm", "test"), List.of("npm", "start"), 3000, "/", List.of(), List.of()));
    }

    @Test
    void aNewPreviewReplacesTheLiveOne_andOnlyTheOwnerSeesEither() {
        PreviewService.View first = previews.start(owner, project.id());
        PreviewService.View second = previews.start(owner, project.id());

        assertThat(launcher.started).containsExactly(first.preview().id(), second.preview().id());
        assertThat(launcher.stopped).containsExactly(first.preview().id() + ": replaced by a new preview");
        assertThat(previews.get(owner, project.id()).preview().id()).isEqualTo(second.preview().id());
        assertThat(second.url().toString()).startsWith("https://" + project.id().replace('_', '-') + ".preview.example.test/.samokoder/enter?ticket=pt_");
        assertThatThrownBy(() -> previews.get(Ids.newId("usr"), project.id())).isInstanceOf(ProjectNotFoundException.class);
        assertThatThrownBy(() -> previews.stop(Ids.newId("usr"), project.id())).isInstanceOf(ProjectNotFoundException.class);
    }

    @Test
    void whatTheLauncherSeesIsRecorded_andAChangeOfTheFilesOffersARestart() {
        Preview started = previews.start(owner, project.id()).preview();
        launcher.observation = new PreviewLauncher.Observation(Optional.of(started.with(Preview.Status.RUNNING, Optional.empty())),
                Optional.of("listening on 3000"));

        PreviewService.View running = previews.get(owner, project.id());
        storage.files().create(project.id(), WorkspacePath.of("README.md"), storage.blobs().put("# Todos".getBytes(StandardCharsets.UTF_8)));
        PreviewService.View changed = previews.get(owner, project.id());

        assertThat(running.preview().status()).isEqualTo(Preview.Status.RUNNING);
        assertThat(running.log()).contains("listening on 3000");
        assertThat(running.filesChanged()).isFalse();
        assertThat(changed.filesChanged()).isTrue();
    }

    @Test
    void aStartTheLauncherRefuses_isRecordedAsFailed_withTheReason() {
        launcher.refuse = new PreviewUnavailableException("no capacity");

        assertThatThrownBy(() -> previews.start(owner, project.id())).hasMessage("no capacity");

        PreviewService.View failed = previews.get(owner, project.id());
        assertThat(failed.preview().status()).isEqualTo(Preview.Status.FAILED);
        assertThat(failed.preview().message()).contains("the preview's sandbox could not be started: no capacity");
        assertThat(failed.url().toString()).doesNotContain("ticket");
    }

    @Test
    void aPreviewNobodyReportsOnIsOverPastItsMaximum() {
        Preview started = previews.start(owner, project.id()).preview();

        clock.advance(MAXIMUM.plus(PreviewService.OVERDUE).plusSeconds(1));
        PreviewService.View over = previews.get(owner, project.id());

        assertThat(over.preview().status()).isEqualTo(Preview.Status.STOPPED);
        assertThat(over.preview().message()).contains("stopped at its maximum of 30 minutes; start it again to go on");
        assertThat(launcher.stopped).containsExactly(started.id() + ": stopped at its maximum of 30 minutes; start it again to go on");
    }
}
