package dev.samokoder.services.runs;

import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask.TaskStatus;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RunService#plan} and {@link RunService#executions}: the owner's run only, and tasks of its plan only. */
@ExtendWith(LocalAwsExtension.class)
class RunPlanIT {

    private final String owner = Ids.newId("usr");
    private RunRepository runs;
    private RunArtifacts artifacts;
    private RunService service;

    @BeforeEach
    void setUp(LocalAws aws) {
        var storage = aws.storage();
        var dynamoDb = aws.clients().dynamoDb();
        Clock clock = Clock.systemUTC();
        runs = new RunRepository(storage.table(), clock);
        artifacts = new RunArtifacts(dynamoDb, storage.table(), clock, AgentLimits.defaults());
        service = new RunService(storage.projects(), runs, new RunEvents(dynamoDb, storage.table(), clock), artifacts,
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName())),
                new CostLedger(dynamoDb, storage.table(), clock),
                new WorkflowControl(aws.clients().sfn(), "arn:aws:states:eu-central-1:000000000000:stateMachine:none",
                        aws.config().workflow()), RunFunding.ANY, new UsageMeter(dynamoDb, storage.table(), clock),
                aws.config().llm().userMonthlyBudgetUsd());
    }

    /** A run on its second of three tasks; the first is done after a failed execution and a passing one. */
    private Run runOnTask2() {
        String projectId = Ids.newId("prj");
        Run run = runs.start(projectId, owner, RunKind.NEW_APP, "a todo app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(projectId, "0".repeat(64)));
        RunProgress p = run.progress();
        run = runs.save(run.withProgress(new RunProgress(p.mode(), true, 0, true, true, 3, 1, p.task(), false, false)));
        artifacts.putTasks(run.id(), List.of(task(1, TaskStatus.DONE), task(2, TaskStatus.PLANNED), task(3, TaskStatus.PLANNED)));
        artifacts.putExecution(run.id(), new Execution(1, 1, "sbx-1", false, List.of("npm", "test"), "TESTS", 1, false, 900,
                "1 failing", 3, Instant.now()));
        artifacts.putExecution(run.id(), new Execution(1, 2, "sbx-2", true, List.of(), "NONE", 0, false, 800, "3 passing", 1,
                Instant.now()));
        return run;
    }

    private static PlannedTask task(int number, TaskStatus status) {
        return new PlannedTask(number, "Todos", "Task " + number, "Do " + number, List.of("it works"), status, 1, 1, 1);
    }

    @Test
    void thePlanListsEveryTaskInOrderAndMarksTheCurrentOne() {
        Run run = runOnTask2();

        List<RunService.PlanTask> plan = service.plan(owner, run.id());

        assertThat(plan).extracting(t -> t.task().number()).containsExactly(1, 2, 3);
        assertThat(plan).extracting(t -> t.task().status()).containsExactly(TaskStatus.DONE, TaskStatus.PLANNED, TaskStatus.PLANNED);
        assertThat(plan).extracting(RunService.PlanTask::current).containsExactly(false, true, false);
    }

    @Test
    void aRunWithoutAPlanHasNoTasks() {
        String projectId = Ids.newId("prj");
        Run run = runs.start(projectId, owner, RunKind.NEW_APP, "a todo app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(projectId, "0".repeat(64)));

        assertThat(service.plan(owner, run.id())).isEmpty();
        assertThatThrownBy(() -> service.executions(owner, run.id(), 1)).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void aTasksExecutionsAreListedInOrder() {
        Run run = runOnTask2();

        List<Execution> executions = service.executions(owner, run.id(), 1);

        assertThat(executions).extracting(Execution::number).containsExactly(1, 2);
        assertThat(executions.getFirst().failure()).isEqualTo("TESTS");
        assertThat(executions.getFirst().output()).isEqualTo("1 failing");
        assertThat(service.executions(owner, run.id(), 3)).isEmpty();
    }

    @Test
    void anotherUsersRunOrATaskOutsideThePlanIsNotFound() {
        Run run = runOnTask2();

        assertThatThrownBy(() -> service.plan(Ids.newId("usr"), run.id())).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> service.executions(Ids.newId("usr"), run.id(), 1)).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> service.executions(owner, run.id(), 4)).isInstanceOf(TaskNotFoundException.class);
        assertThatThrownBy(() -> service.executions(owner, run.id(), 0)).isInstanceOf(TaskNotFoundException.class);
    }
}
