package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class RunRepositoryIT {

    private RunRepository runs;

    @BeforeEach
    void setUp(Storage storage) {
        runs = new RunRepository(storage.table(), Clock.systemUTC());
    }

    private Run start(String projectId) {
        return runs.start(projectId, Ids.newId("usr"), RunKind.NEW_APP, "a todo app", AutonomyMode.INTERACTIVE,
                dev.samokoder.sandbox.SnapshotStore.key(projectId, "0".repeat(64)));
    }

    @Test
    void start_createsARunningRunAndTakesTheProjectsLock() {
        String projectId = Ids.newId("prj");

        Run run = start(projectId);

        assertThat(runs.get(run.id())).contains(run);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.activeRunId(projectId)).contains(run.id());
    }

    @Test
    void concurrentStartsOnOneProject_exactlyOneRunStarts() throws Exception {
        String projectId = Ids.newId("prj");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Run>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                attempts.add(pool.submit(() -> {
                    go.await();
                    return start(projectId);
                }));
            }
            go.countDown();
        }
        List<Run> started = new ArrayList<>();
        int refused = 0;
        for (Future<Run> attempt : attempts) {
            try {
                started.add(attempt.get());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(ActiveRunExistsException.class,
                        software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class);
                refused++;
            }
        }
        assertThat(started).hasSize(1);
        assertThat(refused).isEqualTo(3);
        assertThat(runs.activeRunId(projectId)).contains(started.getFirst().id());
    }

    @Test
    void concurrentUpdates_eachApplyToTheLatestCopy_noneIsLost() throws Exception {
        // given: a run, and writers that each flip one field of the progress at the same time
        Run run = start(Ids.newId("prj"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answered = pool.submit(() -> runs.update(run.id(), current -> current.withFailure(java.util.Optional.of("a note"))));
            var cancelled = pool.submit(() -> runs.update(run.id(), current -> {
                RunProgress p = current.progress();
                return current.withProgress(new RunProgress(p.mode(), p.specDone(), p.openQuestions(), p.architectureDone(),
                        p.planDone(), p.taskCount(), p.currentTask(), p.task(), p.docsDone(), true));
            }));
            var paused = pool.submit(() -> runs.update(run.id(), current -> current.withStatus(RunStatus.WAITING_FOR_ANSWER)));
            answered.get();
            cancelled.get();
            paused.get();
        } finally {
            pool.shutdown();
        }

        // then: all three changes are in the stored run
        Run stored = runs.get(run.id()).orElseThrow();
        assertThat(stored.failure()).contains("a note");
        assertThat(stored.progress().cancelRequested()).isTrue();
        assertThat(stored.status()).isEqualTo(RunStatus.WAITING_FOR_ANSWER);
        assertThat(stored.version()).isEqualTo(run.version() + 3);
        // and a change that changes nothing writes nothing
        assertThat(runs.update(run.id(), current -> current).version()).isEqualTo(stored.version());
    }

    @Test
    void endingARunReleasesTheLock_andResumingTakesItBack() {
        String projectId = Ids.newId("prj");
        Run run = start(projectId);
        assertThatThrownBy(() -> start(projectId)).isInstanceOf(ActiveRunExistsException.class)
                .extracting(e -> ((ActiveRunExistsException) e).activeRunId()).isEqualTo(run.id());

        Run failed = runs.save(run.withStatus(RunStatus.FAILED).withFailure(java.util.Optional.of("task 2 kept failing")));
        assertThat(runs.activeRunId(projectId)).isEmpty();

        Run resumed = runs.save(failed.withStatus(RunStatus.RUNNING));
        assertThat(runs.activeRunId(projectId)).contains(run.id());
        assertThat(resumed.version()).isEqualTo(3);
        assertThat(resumed.failure()).contains("task 2 kept failing");
    }

    @Test
    void aSaveThatLeavesTheRunAsActiveAsItWas_isOneWrite_withoutALookAtTheLock(LocalAws aws) {
        // given: a repository whose requests are counted
        List<String> requests = new ArrayList<>();
        DynamoDbClient real = aws.clients().dynamoDb();
        DynamoDbClient counted = (DynamoDbClient) Proxy.newProxyInstance(RunRepositoryIT.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    requests.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RunRepository countedRuns = new RunRepository(new SingleTable(counted, aws.config().aws().tableName()), Clock.systemUTC());
        String projectId = Ids.newId("prj");
        Run run = start(projectId);

        // when: progress, then a pause (still active), then the end (inactive)
        Run progressed = countedRuns.save(run.withLastStep(new RouteDecision(Step.ARCHITECT, "the spec is written")));
        Run paused = countedRuns.save(progressed.withStatus(RunStatus.WAITING_FOR_ANSWER));
        List<String> whileActive = List.copyOf(requests);
        countedRuns.save(paused.withStatus(RunStatus.SUCCEEDED));

        // then: the saves that kept it active wrote the run alone; the end read the lock and released it with the run
        assertThat(whileActive).containsExactly("putItem", "putItem");
        assertThat(requests.subList(2, requests.size())).containsExactly("putItem", "getItem", "transactWriteItems");
        assertThat(runs.activeRunId(projectId)).isEmpty();
        assertThat(runs.get(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void resumingWhileAnotherRunIsActive_isRefusedAndChangesNothing() {
        String projectId = Ids.newId("prj");
        Run first = runs.save(start(projectId).withStatus(RunStatus.CANCELLED));
        Run second = start(projectId);

        assertThatThrownBy(() -> runs.save(first.withStatus(RunStatus.RUNNING))).isInstanceOf(ActiveRunExistsException.class);
        assertThat(runs.get(first.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runs.activeRunId(projectId)).contains(second.id());
    }

    @Test
    void progressRoundTripsAndStaleWritesConflict() {
        Run run = start(Ids.newId("prj"));
        RunProgress progress = new RunProgress(AutonomyMode.AUTONOMOUS, true, 0, true, true, 4, 2,
                new TaskProgress(TaskPhase.FAILED, 0, 2, FailureKind.TESTS, true, false), false, false);

        Run saved = runs.save(run.withProgress(progress).withLastStep(new RouteDecision(Step.PROBLEM_SOLVER, "same failure")));

        assertThat(runs.get(run.id()).orElseThrow()).isEqualTo(saved);
        assertThatThrownBy(() -> runs.save(run.withStatus(RunStatus.CANCELLED))).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void anotherUsersRunReadsAsAbsent() {
        Run run = start(Ids.newId("prj"));

        assertThat(runs.getOwned(run.id(), run.userId())).isPresent();
        assertThat(runs.getOwned(run.id(), Ids.newId("usr"))).isEmpty();
    }
}
