package dev.samokoder.core.storage;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class ProjectRepositoryIT {

    private final AtomicLong tick = new AtomicLong();
    private ProjectRepository projects;
    private SingleTable table;

    @BeforeEach
    void setUp(LocalAws aws) {
        // a clock that moves one second per reading, so creation order is unambiguous
        Clock steppingClock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds(tick.incrementAndGet()));
            }
        };
        Storage storage = aws.storage(steppingClock);
        projects = storage.projects();
        table = storage.table();
    }

    @Test
    void create_storesProjectAndOwnerIndexEntry() {
        // given
        String owner = Ids.newId("usr");
        var settings = new ProjectSettings(Optional.of(new BigDecimal("12.50")), AutonomyMode.AUTONOMOUS);

        // when
        Project created = projects.create(owner, "Todo app", "A small todo list", settings);

        // then
        assertThat(projects.get(created.id())).contains(created);
        assertThat(created.version()).isEqualTo(1);
        assertThat(table.get(Keys.ownedProject(owner, created.createdAt(), created.id()))).isPresent();
    }

    @Test
    void aProjectsModelChoices_areStoredAndReadBack() {
        // given
        var models = new ModelOverrides(Optional.of(ModelRef.parse("openai:gpt-4.1-mini")),
                Map.of("CodeMonkey", ModelRef.parse("bedrock:amazon.nova-pro-v1:0"), "Architect", ModelRef.parse("anthropic:claude-haiku-4-5")));
        Project created = projects.create(Ids.newId("usr"), "Todo app", "", ProjectSettings.defaults().withModels(models));

        // when
        Project read = projects.get(created.id()).orElseThrow();

        // then
        assertThat(read.settings().models()).isEqualTo(models);
        assertThat(projects.save(read.withSettings(read.settings().withModels(ModelOverrides.none()))).settings().models())
                .isEqualTo(ModelOverrides.none());
        assertThat(projects.get(created.id()).orElseThrow().settings().models()).isEqualTo(ModelOverrides.none());
    }

    @Test
    void getOwned_hidesAnotherUsersProject() {
        Project project = projects.create(Ids.newId("usr"), "Mine", "", ProjectSettings.defaults());

        assertThat(projects.getOwned(project.id(), project.ownerId())).contains(project);
        assertThat(projects.getOwned(project.id(), Ids.newId("usr"))).isEmpty();
    }

    @Test
    void twoConcurrentWritersOfOneProject_exactlyOneSucceedsAndOneConflicts() throws Exception {
        // given: both writers read the same version
        Project original = projects.create(Ids.newId("usr"), "Shared", "", ProjectSettings.defaults());
        Project readByA = projects.get(original.id()).orElseThrow();
        Project readByB = projects.get(original.id()).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);

        // when: they save different changes at the same moment
        List<Callable<Project>> writers = List.of(
                () -> { start.await(); return projects.save(readByA.withName("Renamed by A")); },
                () -> { start.await(); return projects.save(readByB.withName("Renamed by B")); });
        List<Future<Project>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Callable<Project> writer : writers) {
                results.add(pool.submit(writer));
            }
            start.countDown();
        }

        // then: one wins, the other gets a named conflict, and the stored item is the winner's
        List<Project> saved = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Project> result : results) {
            try {
                saved.add(result.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(saved).hasSize(1);
        assertThat(failures).singleElement().isInstanceOf(VersionConflictException.class);
        VersionConflictException conflict = (VersionConflictException) failures.getFirst();
        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.currentVersion()).hasValue(2);
        Project stored = projects.get(original.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo(saved.getFirst().name());
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void save_withStaleCopy_conflictsAndLeavesNewerDataAlone() {
        Project v1 = projects.create(Ids.newId("usr"), "First", "", ProjectSettings.defaults());
        Project v2 = projects.save(v1.withDescription("newer"));

        assertThatThrownBy(() -> projects.save(v1.withDescription("stale")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(projects.get(v1.id()).orElseThrow().description()).isEqualTo("newer");
        assertThat(v2.version()).isEqualTo(2);
    }

    @Test
    void save_ofDeletedProject_isNotFound() {
        Project project = projects.create(Ids.newId("usr"), "Gone", "", ProjectSettings.defaults());
        projects.delete(project);

        assertThatThrownBy(() -> projects.save(project.withName("again"))).isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void listOwned_pagesNewestFirstAndOnlyTheOwnersProjects() {
        // given
        String owner = Ids.newId("usr");
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(projects.create(owner, "p" + i, "", ProjectSettings.defaults()).id());
        }
        projects.create(Ids.newId("usr"), "someone else's", "", ProjectSettings.defaults());

        // when
        Page<Project> first = projects.listOwned(owner, 2, Optional.empty());
        Page<Project> second = projects.listOwned(owner, 2, first.nextCursor());
        Page<Project> third = projects.listOwned(owner, 2, second.nextCursor());

        // then
        List<String> listed = new ArrayList<>();
        for (Page<Project> page : List.of(first, second, third)) {
            page.items().forEach(p -> listed.add(p.id()));
        }
        assertThat(listed).containsExactlyElementsOf(createdIds.reversed());
        assertThat(third.nextCursor()).isEmpty();
    }

    /** The listing is one query of the owner's index, whose entries carry a copy saved with the project. */
    @Test
    void listOwned_showsEachProjectAsLastSaved() {
        String owner = Ids.newId("usr");
        Project created = projects.create(owner, "Draft", "", ProjectSettings.defaults());

        Project renamed = projects.save(created.withName("Todo app"));

        assertThat(projects.listOwned(owner, 10, Optional.empty()).items()).containsExactly(renamed);
        assertThat(table.get(Keys.ownedProject(owner, created.createdAt(), created.id())).orElseThrow())
                .containsEntry("name", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Todo app"));
    }

    /** Index entries written before they carried a copy (only the id) are still listed, read through the projects. */
    @Test
    void listOwned_readsOlderIndexEntriesThroughTheProjects() {
        String owner = Ids.newId("usr");
        Project older = projects.create(owner, "Older", "", ProjectSettings.defaults());
        Project newer = projects.create(owner, "Newer", "", ProjectSettings.defaults());
        Key olderEntry = Keys.ownedProject(owner, older.createdAt(), older.id());
        table.replace(olderEntry, Attributes.item(olderEntry, "OwnedProject", 2).string("projectId", older.id()).build(), 1);

        assertThat(projects.listOwned(owner, 10, Optional.empty()).items()).containsExactly(newer, older);
    }

    @Test
    void listOwned_refusesACursorFromAnotherUsersListing() {
        String alice = Ids.newId("usr");
        for (int i = 0; i < 3; i++) {
            projects.create(alice, "a" + i, "", ProjectSettings.defaults());
        }
        String aliceCursor = projects.listOwned(alice, 1, Optional.empty()).nextCursor().orElseThrow();

        assertThatThrownBy(() -> projects.listOwned(Ids.newId("usr"), 10, Optional.of(aliceCursor)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> projects.listOwned(alice, 10, Optional.of("%%not-base64%%")))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void delete_removesProjectAndIndexEntryTogether() {
        String owner = Ids.newId("usr");
        Project project = projects.create(owner, "Temp", "", ProjectSettings.defaults());

        projects.delete(project);

        assertThat(projects.get(project.id())).isEmpty();
        assertThat(table.get(Keys.ownedProject(owner, project.createdAt(), project.id()))).isEmpty();
        assertThat(projects.listOwned(owner, 10, Optional.empty()).items()).isEmpty();
    }

    @Test
    void delete_withStaleCopy_conflictsAndKeepsBothItems() {
        String owner = Ids.newId("usr");
        Project v1 = projects.create(owner, "Keep", "", ProjectSettings.defaults());
        projects.save(v1.withName("Kept"));

        assertThatThrownBy(() -> projects.delete(v1)).isInstanceOf(VersionConflictException.class);
        assertThat(projects.get(v1.id())).isPresent();
        assertThat(table.get(Keys.ownedProject(owner, v1.createdAt(), v1.id()))).isPresent();
    }
}
