package dev.samokoder.services.runs;

import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.ledger.CallResult;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.Reservation;
import dev.samokoder.core.llm.BudgetExceededException;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resuming a run paused by a budget: refused, with what to do, while the refused call still does
 * not fit the project's budget or the user's monthly one (a resume would only pause again).
 */
@ExtendWith(LocalAwsExtension.class)
class RunBudgetResumeIT {

    private static final ModelRef MODEL = ModelRef.parse("anthropic:claude-sonnet-4-5");
    private static final BigDecimal MONTHLY = new BigDecimal("1.00");

    private final String owner = Ids.newId("usr");
    private RunRepository runs;
    private CostLedger ledger;
    private RunService service;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        var storage = aws.storage();
        var dynamoDb = aws.clients().dynamoDb();
        Clock clock = Clock.systemUTC();
        runs = new RunRepository(storage.table(), clock);
        ledger = new CostLedger(dynamoDb, storage.table(), clock);
        service = new RunService(storage.projects(), runs, new RunEvents(dynamoDb, storage.table(), clock),
                new RunArtifacts(dynamoDb, storage.table(), clock, AgentLimits.defaults()),
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName())),
                ledger,
                new WorkflowControl(aws.clients().sfn(), "arn:aws:states:eu-central-1:000000000000:stateMachine:none",
                        aws.config().workflow()), RunFunding.ANY, new UsageMeter(dynamoDb, storage.table(), clock), MONTHLY);
    }

    /** A run paused on a call of up to $0.50 that the user's monthly budget refused, after $0.80 spent this month. */
    private Run pausedByTheMonthlyBudget(Optional<BigDecimal> projectBudget) {
        Project project = aws.storage().projects().create(owner, "Thrifty", "",
                new ProjectSettings(projectBudget, AutonomyMode.AUTONOMOUS, ProjectSettings.defaults().models()));
        Run run = runs.start(project.id(), owner, RunKind.NEW_APP, "a todo app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(project.id(), "0".repeat(64)));
        CallScope scope = CallScope.forProject(run.id(), project, "Developer");
        Reservation spent = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.80"), MONTHLY);
        ledger.settle(spent, CallResult.succeeded(TokenUsage.reported(1000, 0, 2000), new BigDecimal("0.80"), Duration.ofSeconds(1),
                false, OptionalInt.of(1)));
        assertThatThrownBy(() -> ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.50"), MONTHLY))
                .isInstanceOf(BudgetExceededException.class);
        return runs.update(run.id(), current -> current.withStatus(RunStatus.PAUSED_BUDGET)
                .withControl(current.control().withWaitToken(Optional.of("token-of-the-paused-step"))));
    }

    @Test
    void aRunPausedByTheMonthlyBudget_isNotResumedWhileTheRefusedCallStillDoesNotFit() {
        Run paused = pausedByTheMonthlyBudget(Optional.empty());

        assertThatThrownBy(() -> service.resume(owner, paused.id()))
                .isInstanceOf(RunStateException.class)
                .hasMessageContaining("monthly model budget of $1.00")
                .hasMessageContaining("$0.80 this month")
                .hasMessageContaining("needs up to $0.50")
                .hasMessageContaining("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD");
        assertThat(runs.get(paused.id()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED_BUDGET);
        assertThat(runs.get(paused.id()).orElseThrow().control().waitToken()).contains("token-of-the-paused-step");
    }

    @Test
    void theProjectBudgetIsCheckedFirst_andNamesTheProjectToRaise() {
        Run paused = pausedByTheMonthlyBudget(Optional.of(new BigDecimal("0.90")));

        assertThatThrownBy(() -> service.resume(owner, paused.id()))
                .isInstanceOf(RunStateException.class)
                .hasMessageContaining("raise the budget (PATCH /v1/projects/" + paused.projectId() + ")");
    }
}
