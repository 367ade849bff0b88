package dev.samokoder.core.ledger;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.llm.BudgetExceededException.Budget;
import dev.samokoder.core.llm.BudgetExceededException;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LedgerContentionException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class CostLedgerIT {

    private static final ModelRef MODEL = ModelRef.parse("anthropic:claude-sonnet-4-5");
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final BigDecimal GENEROUS = new BigDecimal("1000");

    private CostLedger ledger;
    private CallScope scope;

    @BeforeEach
    void setUp(LocalAws aws) {
        ledger = new CostLedger(aws.clients().dynamoDb(), aws.storage().table(), Clock.fixed(NOW, ZoneOffset.UTC));
        scope = CallScope.of(Ids.newId("run"), Ids.newId("prj"), Ids.newId("usr"), "SpecWriter");
    }

    @Test
    void aReservation_holdsTheMaximumCost_onTheProjectAndTheUsersMonth() {
        // when
        ledger.reserve(scope.withProjectBudget(new BigDecimal("5")), MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);

        // then
        assertThat(ledger.projectCost(scope.projectId()).spend()).isEqualTo(new Spend(BigDecimal.ZERO, new BigDecimal("0.12"), 0));
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH).reservedUsd()).isEqualByComparingTo("0.12");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.RESERVED);
            assertThat(call.reservedUsd()).isEqualByComparingTo("0.12");
            assertThat(call.estimatedPromptTokens()).isEqualTo(1000);
            assertThat(call.maxOutputTokens()).isEqualTo(2000);
        });
    }

    @Test
    void settling_replacesTheReservationByTheActualCost_andRecordsTheCall() {
        // given
        Reservation reservation = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);

        // when
        ledger.settle(reservation, CallResult.succeeded(TokenUsage.reported(1100, 100, 300), new BigDecimal("0.00783"),
                Duration.ofMillis(1234), false, OptionalInt.of(0)));

        // then
        Spend project = ledger.projectCost(scope.projectId()).spend();
        assertThat(project.settledUsd()).isEqualByComparingTo("0.00783");
        assertThat(project.reservedUsd()).isEqualByComparingTo("0");
        assertThat(project.committedUsd()).isEqualByComparingTo("0.00783");
        assertThat(project.calls()).isEqualTo(1);
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH).settledUsd()).isEqualByComparingTo("0.00783");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(call.runId()).isEqualTo(scope.runId());
            assertThat(call.projectId()).isEqualTo(scope.projectId());
            assertThat(call.userId()).isEqualTo(scope.userId());
            assertThat(call.agent()).isEqualTo("SpecWriter");
            assertThat(call.provider()).isEqualTo("anthropic");
            assertThat(call.model()).isEqualTo("claude-sonnet-4-5");
            assertThat(call.promptTokens()).isEqualTo(1100);
            assertThat(call.cachedTokens()).isEqualTo(100);
            assertThat(call.completionTokens()).isEqualTo(300);
            assertThat(call.costUsd()).isEqualByComparingTo("0.00783");
            assertThat(call.latency()).contains(Duration.ofMillis(1234));
            assertThat(call.agentCall()).isEqualTo(OptionalInt.of(0));
            assertThat(call.error()).isEmpty();
            assertThat(call.finishedAt()).contains(NOW);
        });
    }

    @Test
    void aFailedCall_releasesItsReservation_andCostsNothing() {
        // given
        Reservation reservation = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);

        // when
        ledger.settle(reservation, CallResult.failed("provider_unavailable", Duration.ofMillis(50), OptionalInt.of(0)));

        // then
        assertThat(ledger.projectCost(scope.projectId()).spend().committedUsd()).isEqualByComparingTo("0");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call.error()).contains("provider_unavailable");
        });
    }

    @Test
    void reservationsOfStepsThatDied_areReleasedWhenTheRunEnds_andSettledCallsAreLeftAlone() {
        // given: one call settled, one whose step died holding its reservation
        Reservation settled = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);
        ledger.settle(settled, CallResult.succeeded(new TokenUsage(1000, 0, 500, false), new BigDecimal("0.05"), Duration.ofMillis(900), false, OptionalInt.of(1)));
        ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.30"), GENEROUS);

        // when
        int released = ledger.releaseUnsettled(scope.runId());

        // then
        assertThat(released).isEqualTo(1);
        Spend project = ledger.projectCost(scope.projectId()).spend();
        assertThat(project.reservedUsd()).isEqualByComparingTo("0");
        assertThat(project.settledUsd()).isEqualByComparingTo("0.05");
        assertThat(ledger.runCalls(scope.runId())).extracting(LlmCall::outcome).containsExactlyInAnyOrder(CallOutcome.SUCCEEDED, CallOutcome.FAILED);
        assertThat(ledger.releaseUnsettled(scope.runId())).isZero();
    }

    @Test
    void aCallSettlesOnce() {
        // given
        Reservation reservation = ledger.reserve(scope, MODEL, 10, 10, new BigDecimal("0.01"), GENEROUS);
        CallResult result = CallResult.failed("provider_timeout", Duration.ofSeconds(1), OptionalInt.empty());
        ledger.settle(reservation, result);

        // when / then
        assertThatThrownBy(() -> ledger.settle(reservation, result)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.projectCost(scope.projectId()).spend().calls()).isEqualTo(1);
    }

    @Test
    void aCallThatWouldPassTheProjectBudget_isRefused_andRecordedAsRefused() {
        // given: $0.10 of $0.25 is already committed
        CallScope capped = scope.withProjectBudget(new BigDecimal("0.25"));
        ledger.reserve(capped, MODEL, 10, 10, new BigDecimal("0.10"), GENEROUS);

        // when / then
        assertThatThrownBy(() -> ledger.reserve(capped, MODEL, 10, 10, new BigDecimal("0.20"), GENEROUS))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budget()).isEqualTo(Budget.PROJECT);
                    assertThat(e.limitUsd()).isEqualByComparingTo("0.25");
                    assertThat(e.committedUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.10"));
                    assertThat(e.getMessage()).startsWith("budget reached").endsWith("raise it to continue");
                });
        assertThat(ledger.projectCost(scope.projectId()).spend().committedUsd()).isEqualByComparingTo("0.10");
        assertThat(ledger.runCost(scope.runId()).refused()).isEqualTo(1);
    }

    @Test
    void aCallThatWouldPassTheUsersMonthlyBudget_isRefused_evenWithoutAProjectBudget() {
        // given
        ledger.reserve(scope, MODEL, 10, 10, new BigDecimal("0.90"), BigDecimal.ONE);

        // when / then
        assertThatThrownBy(() -> ledger.reserve(scope, MODEL, 10, 10, new BigDecimal("0.20"), BigDecimal.ONE))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.budget()).isEqualTo(Budget.USER_MONTH));
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH).committedUsd()).isEqualByComparingTo("0.90");
    }

    @Test
    void aCallDearerThanTheWholeBudget_isRefused_onAFreshCounter() {
        assertThatThrownBy(() -> ledger.reserve(scope.withProjectBudget(new BigDecimal("0.05")), MODEL, 10, 10,
                new BigDecimal("0.06"), GENEROUS))
                .isInstanceOf(BudgetExceededException.class);
        assertThat(ledger.projectCost(scope.projectId()).spend()).isEqualTo(Spend.NONE);
    }

    @Test
    void twentyConcurrentCalls_againstABudgetThatFitsFive_admitExactlyFive() throws Exception {
        // given: each call may cost up to $0.10; the project may spend $0.50 (and a bit, not enough for a sixth)
        CallScope capped = scope.withProjectBudget(new BigDecimal("0.55"));
        BigDecimal maxCost = new BigDecimal("0.10");

        // when
        long admitted = admittedOfTwentyAtOnce(i -> ledger.reserve(capped, MODEL, 100, 100, maxCost, GENEROUS));

        // then
        assertThat(admitted).isEqualTo(5);
        assertThat(ledger.projectCost(scope.projectId()).spend().reservedUsd()).isEqualByComparingTo("0.50");
        RunCost run = ledger.runCost(scope.runId());
        assertThat(run.inFlight()).isEqualTo(5);
        assertThat(run.refused()).isEqualTo(15);
    }

    @Test
    void twentyConcurrentCalls_againstAMonthlyBudgetThatFitsFive_admitExactlyFive_acrossProjects() throws Exception {
        // given: no project budget, the calls spread over four projects of one user, who may spend $0.55 this month
        BigDecimal monthly = new BigDecimal("0.55");
        BigDecimal maxCost = new BigDecimal("0.10");

        // when
        long admitted = admittedOfTwentyAtOnce(i -> {
            CallScope call = new CallScope(scope.runId(), scope.projectId() + "-" + (i % 4), scope.userId(), "SpecWriter",
                    scope.projectBudgetUsd(), scope.userMonthlyBudgetUsd(), scope.models());
            try {
                ledger.reserve(call, MODEL, 100, 100, maxCost, monthly);
            } catch (BudgetExceededException refused) {
                assertThat(refused.budget()).isEqualTo(Budget.USER_MONTH);
                throw refused;
            }
        });

        // then
        assertThat(admitted).isEqualTo(5);
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH).reservedUsd()).isEqualByComparingTo("0.50");
        assertThat(ledger.runCost(scope.runId()).refused()).isEqualTo(15);
    }

    @Test
    void costsAreAnswered_perRun_perAgent_perProject_andPerUserMonth() {
        // given: two runs of one project, two agents
        String secondRun = Ids.newId("run");
        settle(scope, "0.01");
        settle(scope, "0.02");
        settle(scope.forAgent("Architect"), "0.04");
        settle(new CallScope(secondRun, scope.projectId(), scope.userId(), "Architect", scope.projectBudgetUsd(),
                scope.userMonthlyBudgetUsd(), scope.models()), "0.08");

        // when
        RunCost run = ledger.runCost(scope.runId());
        ProjectCost project = ledger.projectCost(scope.projectId());
        Spend month = ledger.userMonthSpend(scope.userId(), MARCH);

        // then
        assertThat(run.totalUsd()).isEqualByComparingTo("0.07");
        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.byAgent().get("SpecWriter").costUsd()).isEqualByComparingTo("0.03");
        assertThat(run.byAgent().get("SpecWriter").calls()).isEqualTo(2);
        assertThat(run.byAgent().get("Architect").costUsd()).isEqualByComparingTo("0.04");
        assertThat(run.replayed()).isFalse();
        assertThat(run.summary()).startsWith("3 model call(s), $0.07").doesNotContain("replayed");
        assertThat(project.spend().settledUsd()).isEqualByComparingTo("0.15");
        assertThat(project.byAgent().get("Architect").costUsd()).isEqualByComparingTo("0.12");
        assertThat(project.byAgent().get("Architect").calls()).isEqualTo(2);
        assertThat(month.settledUsd()).isEqualByComparingTo("0.15");
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH.minusMonths(1))).isEqualTo(Spend.NONE);
    }

    @Test
    void anAgentsCalls_areNumberedFromZero_perRun() {
        assertThat(ledger.nextAgentCall(scope.runId(), "CodeMonkey")).isZero();
        assertThat(ledger.nextAgentCall(scope.runId(), "CodeMonkey")).isEqualTo(1);
        assertThat(ledger.nextAgentCall(scope.runId(), "BugHunter")).isZero();
        assertThat(ledger.nextAgentCall(Ids.newId("run"), "CodeMonkey")).isZero();
    }

    @Test
    void aReservationCancelledByAConflictingTransaction_isTriedAgain(LocalAws aws) {
        // given
        AtomicInteger conflicts = new AtomicInteger(2);
        CostLedger busyLedger = ledgerWithConflicts(aws, conflicts);

        // when
        busyLedger.reserve(scope, MODEL, 10, 10, new BigDecimal("0.01"), GENEROUS);

        // then
        assertThat(conflicts.get()).isNegative();
        assertThat(ledger.projectCost(scope.projectId()).spend().reservedUsd()).isEqualByComparingTo("0.01");
    }

    @Test
    void aSettlementTheBusyLedgerCouldNotComplete_isSettledAtTheCallsRealCost_whenTheRunEnds(LocalAws aws) {
        // given: the provider answered (and billed), but every settlement transaction is cancelled by conflicts
        Reservation reservation = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);
        CostLedger busyLedger = ledgerWithConflicts(aws, new AtomicInteger(Integer.MAX_VALUE));
        CallResult answered = CallResult.succeeded(TokenUsage.reported(1100, 100, 300), new BigDecimal("0.00783"),
                Duration.ofMillis(1234), false, OptionalInt.of(0));
        assertThatThrownBy(() -> busyLedger.settle(reservation, answered)).isInstanceOf(LedgerContentionException.class);
        assertThat(ledger.runCalls(scope.runId())).singleElement().extracting(LlmCall::outcome).isEqualTo(CallOutcome.RESERVED);
        assertThat(ledger.projectCost(scope.projectId()).spend().reservedUsd()).isEqualByComparingTo("0.12");

        // when: the run ends
        int released = ledger.releaseUnsettled(scope.runId());

        // then: the call counts at what it cost, not at zero
        assertThat(released).isEqualTo(1);
        Spend project = ledger.projectCost(scope.projectId()).spend();
        assertThat(project.reservedUsd()).isEqualByComparingTo("0");
        assertThat(project.settledUsd()).isEqualByComparingTo("0.00783");
        assertThat(ledger.userMonthSpend(scope.userId(), MARCH).settledUsd()).isEqualByComparingTo("0.00783");
        assertThat(ledger.projectCost(scope.projectId()).byAgent().get("SpecWriter").completionTokens()).isEqualTo(300);
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(call.costUsd()).isEqualByComparingTo("0.00783");
            assertThat(call.promptTokens()).isEqualTo(1100);
            assertThat(call.cachedTokens()).isEqualTo(100);
            assertThat(call.latency()).contains(Duration.ofMillis(1234));
            assertThat(call.agentCall()).isEqualTo(OptionalInt.of(0));
            assertThat(call.error()).isEmpty();
        });
        assertThat(ledger.releaseUnsettled(scope.runId())).isZero();
    }

    @Test
    void aCallThatReservesAndSettlesUncontended_isTwoTransactions_withNoOtherWrite(LocalAws aws) {
        // given
        List<String> requests = new ArrayList<>();
        CostLedger counted = ledgerWithConflicts(aws, new AtomicInteger(0), requests);

        // when
        Reservation reservation = counted.reserve(scope, Optional.of(new Exchange("spec", 1)), MODEL, 1000, 2000,
                new BigDecimal("0.12"), GENEROUS);
        counted.settle(reservation, CallResult.succeeded(TokenUsage.reported(1100, 100, 300), new BigDecimal("0.00783"),
                Duration.ofMillis(1234), false, OptionalInt.empty()));

        // then
        assertThat(requests).containsExactly("transactWriteItems", "transactWriteItems");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(call.exchange()).contains(new Exchange("spec", 1));
            assertThat(call.agentCall()).isEmpty();
        });
        assertThat(ledger.projectCost(scope.projectId()).spend().settledUsd()).isEqualByComparingTo("0.00783");
    }

    @Test
    void aSettlementCancelledOnceByAConflict_recordsTheResultOnTheCall_thenSettles(LocalAws aws) {
        // given
        Reservation reservation = ledger.reserve(scope, MODEL, 1000, 2000, new BigDecimal("0.12"), GENEROUS);
        List<String> requests = new ArrayList<>();
        AtomicInteger conflicts = new AtomicInteger(1);
        CostLedger busyOnce = ledgerWithConflicts(aws, conflicts, requests);

        // when
        busyOnce.settle(reservation, CallResult.succeeded(TokenUsage.reported(1100, 100, 300), new BigDecimal("0.00783"),
                Duration.ofMillis(1234), false, OptionalInt.of(0)));

        // then: the result went onto the call before the retry, and the retry settled it
        assertThat(requests).containsExactly("transactWriteItems", "updateItem", "transactWriteItems");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(call.costUsd()).isEqualByComparingTo("0.00783");
        });
        assertThat(ledger.projectCost(scope.projectId()).spend().reservedUsd()).isEqualByComparingTo("0");
        assertThat(ledger.releaseUnsettled(scope.runId())).isZero();
    }

    /** Makes 20 reservations (numbered 0 to 19) on 20 threads released at once; how many were not refused. */
    private static long admittedOfTwentyAtOnce(IntConsumer reserve) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                int call = i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        reserve.accept(call);
                        return true;
                    } catch (BudgetExceededException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
        }
        long admitted = 0;
        for (Future<Boolean> outcome : outcomes) {
            admitted += outcome.get() ? 1 : 0;
        }
        return admitted;
    }

    /** A ledger whose transactions are cancelled as conflicting, the first {@code conflicts} times. */
    private static CostLedger ledgerWithConflicts(LocalAws aws, AtomicInteger conflicts) {
        return ledgerWithConflicts(aws, conflicts, new ArrayList<>());
    }

    /** The same, noting the name of each request it sends to DynamoDB in {@code requests}. */
    private static CostLedger ledgerWithConflicts(LocalAws aws, AtomicInteger conflicts, List<String> requests) {
        // DynamoDB Local runs transactions one at a time, so the conflicts AWS reports under load are injected
        DynamoDbClient real = aws.clients().dynamoDb();
        DynamoDbClient conflicting = (DynamoDbClient) Proxy.newProxyInstance(CostLedgerIT.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    requests.add(method.getName());
                    if (method.getName().equals("transactWriteItems") && conflicts.getAndDecrement() > 0) {
                        throw TransactionCanceledException.builder().message("conflict")
                                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new CostLedger(conflicting, new SingleTable(conflicting, aws.config().aws().tableName()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void settle(CallScope callScope, String cost) {
        Reservation reservation = ledger.reserve(callScope, MODEL, 10, 10, new BigDecimal("0.10"), GENEROUS);
        ledger.settle(reservation, CallResult.succeeded(TokenUsage.reported(10, 0, 10), new BigDecimal(cost), Duration.ofMillis(5), false, OptionalInt.of(0)));
    }
}
