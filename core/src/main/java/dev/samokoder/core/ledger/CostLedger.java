package dev.samokoder.core.ledger;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.llm.BudgetExceededException.Budget;
import dev.samokoder.core.llm.BudgetExceededException;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LedgerContentionException;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import static dev.samokoder.core.ledger.LedgerItems.AGENT;
import static dev.samokoder.core.ledger.LedgerItems.AGENT_CALL;
import static dev.samokoder.core.ledger.LedgerItems.CACHED_TOKENS;
import static dev.samokoder.core.ledger.LedgerItems.CALLS;
import static dev.samokoder.core.ledger.LedgerItems.COMMITTED_USD;
import static dev.samokoder.core.ledger.LedgerItems.COMPLETION_TOKENS;
import static dev.samokoder.core.ledger.LedgerItems.COST_USD;
import static dev.samokoder.core.ledger.LedgerItems.ERROR;
import static dev.samokoder.core.ledger.LedgerItems.FINISHED_AT;
import static dev.samokoder.core.ledger.LedgerItems.LATENCY_MS;
import static dev.samokoder.core.ledger.LedgerItems.NEXT;
import static dev.samokoder.core.ledger.LedgerItems.OUTCOME;
import static dev.samokoder.core.ledger.LedgerItems.PROMPT_TOKENS;
import static dev.samokoder.core.ledger.LedgerItems.RECORDED_OUTCOME;
import static dev.samokoder.core.ledger.LedgerItems.RESERVED_USD;
import static dev.samokoder.core.ledger.LedgerItems.SETTLED_USD;
import static dev.samokoder.core.ledger.LedgerItems.TRUNCATED;
import static dev.samokoder.core.ledger.LedgerItems.UPDATED_AT;
import static dev.samokoder.core.ledger.LedgerItems.USAGE_ESTIMATED;

/**
 * The cost ledger and the budgets, on DynamoDB. Before a call, {@link #reserve} holds its
 * maximum cost on two counters, the project's and the user's month, in one transaction whose
 * conditions are the budgets: the check and the charge are one write, so concurrent calls can
 * never together pass a budget. After the call, {@link #settle} replaces the reservation by the
 * actual cost. Every call is an item under its run.
 */
public final class CostLedger {

    static final String CALL_ID_PREFIX = "llm";

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;
    /** Transactions on the same counters cancel each other under load; a cancelled one is tried again. */
    private final OptimisticRetry retry;

    public CostLedger(DynamoDbClient dynamoDb, SingleTable table, Clock clock) {
        this(dynamoDb, table, clock, RetryPolicy.hotItemDefaults());
    }

    /** @param conflictRetry how a transaction that others on the same counters cancelled is tried again (the counters are hot items) */
    public CostLedger(DynamoDbClient dynamoDb, SingleTable table, Clock clock, RetryPolicy conflictRetry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /**
     * Holds {@code maxCostUsd} against the project's budget (if it has one) and the user's
     * monthly budget, and records the call as reserved.
     *
     * @throws BudgetExceededException if either budget would be passed; the call is then recorded as refused
     */
    public Reservation reserve(CallScope scope, ModelRef model, long estimatedPromptTokens, int maxOutputTokens,
                               BigDecimal maxCostUsd, BigDecimal userMonthlyBudgetUsd) {
        return reserve(scope, Optional.empty(), model, estimatedPromptTokens, maxOutputTokens, maxCostUsd, userMonthlyBudgetUsd);
    }

    /** {@link #reserve(CallScope, ModelRef, long, int, BigDecimal, BigDecimal)} for a call that names its exchange, recorded on the call. */
    public Reservation reserve(CallScope scope, Optional<Exchange> exchange, ModelRef model, long estimatedPromptTokens, int maxOutputTokens,
                               BigDecimal maxCostUsd, BigDecimal userMonthlyBudgetUsd) {
        Instant now = clock.instant();
        Reservation reservation = new Reservation(Ids.newId(CALL_ID_PREFIX), scope, exchange, model, now,
                YearMonth.from(now.atOffset(ZoneOffset.UTC)), maxCostUsd);
        List<TransactWriteItem> writes = List.of(
                reserveOn(Keys.projectLlmSpend(scope.projectId()), scope.projectBudgetUsd(), maxCostUsd, now),
                reserveOn(Keys.userMonthLlmSpend(scope.userId(), reservation.month()), Optional.of(userMonthlyBudgetUsd), maxCostUsd, now),
                table.createOp(LedgerItems.newCall(reservation, CallOutcome.RESERVED, estimatedPromptTokens, maxOutputTokens, Optional.empty())));
        try {
            transact(writes, (index, stored) -> switch (index) {
                case 0 -> refusal(Budget.PROJECT, scope.projectBudgetUsd().orElseThrow(), stored, maxCostUsd);
                case 1 -> refusal(Budget.USER_MONTH, userMonthlyBudgetUsd, stored, maxCostUsd);
                default -> new IllegalStateException("call id " + reservation.callId() + " is already taken");
            });
        } catch (BudgetExceededException refused) {
            table.create(Keys.llmCall(scope.runId(), now, reservation.callId()), LedgerItems.newCall(
                    reservation, CallOutcome.REFUSED, estimatedPromptTokens, maxOutputTokens, Optional.of(refused.code())));
            throw refused;
        }
        return reservation;
    }

    /**
     * Replaces the reservation by the call's actual cost, on both counters, and records how the
     * call ended, in one transaction. If that does not go through at once (the counters busy with
     * other calls, DynamoDB failing), the result is first written onto the call's own item (a
     * single-item write, which the counters' contention cannot cancel) before any retry, so a
     * settlement that never completes (the ledger busy past its retries, the process killed while
     * it waits) is still settled at the real cost when the run ends ({@link #releaseUnsettled}),
     * not at zero. A process killed before that first transaction completes leaves the call
     * reserved with no result, as it would have before any write of the result.
     *
     * @throws IllegalStateException if the call was settled already
     * @throws LedgerContentionException if the counters stayed busy; the call then stays reserved, its result recorded
     */
    public void settle(Reservation reservation, CallResult result) {
        CallScope scope = reservation.scope();
        Key call = Keys.llmCall(scope.runId(), reservation.startedAt(), reservation.callId());
        Instant now = clock.instant();
        List<TransactWriteItem> writes = List.of(
                settleOn(Keys.projectLlmSpend(scope.projectId()), reservation.reservedUsd(), result.costUsd(), now),
                settleOn(Keys.userMonthLlmSpend(scope.userId(), reservation.month()), reservation.reservedUsd(), result.costUsd(), now),
                addToAgent(Keys.projectAgentLlmSpend(scope.projectId(), scope.agent()), scope.agent(), result, now),
                finishCall(call, result, now));
        SingleTable.ConditionFailure settled = (index, stored) -> settledAlready(reservation.callId());
        retry.run(attempt -> {
            try {
                table.transact(writes, settled);
            } catch (SdkException notSettled) {
                if (attempt == 1) {
                    try {
                        recordResult(call, reservation.callId(), result, now);
                    } catch (RuntimeException unrecorded) {
                        unrecorded.addSuppressed(notSettled);
                        throw unrecorded;
                    }
                }
                throw notSettled; // cancelled by another transaction on the counters: tried again; anything else: the caller's
            }
        }, CostLedger::contention, TransactionCanceledException.class);
    }

    private static IllegalStateException settledAlready(String callId) {
        return new IllegalStateException("call " + callId + " was settled already");
    }

    /**
     * Numbers an agent's calls in a run from 0, in the order they are made, across processes: for
     * calls that name no {@link Exchange} (a replay answers those in call order).
     */
    public int nextAgentCall(String runId, String agent) {
        Key key = Keys.llmAgentCallCounter(runId, agent);
        var response = dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #type = :type ADD #next :one")
                .expressionAttributeNames(Map.of("#type", TableSchema.TYPE, "#next", NEXT))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(LedgerItems.AGENT_CALL_COUNTER_TYPE),
                        ":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Integer.parseInt(response.attributes().get(NEXT).n()) - 1;
    }

    /**
     * Settles the calls of a run still held as reserved: calls whose step did not complete their
     * settlement (a crashed or stopped Lambda, a ledger busy past its retries). A call whose step
     * recorded its result (the provider answered and billed) is settled at that cost; one that
     * died before is settled at zero as "abandoned". Called when a run ends, so such reservations
     * do not hold a project's or user's budget forever. A call that settles itself meanwhile keeps
     * its own settlement.
     *
     * @return how many reservations were released
     */
    public int releaseUnsettled(String runId) {
        int released = 0;
        for (var item : runCallItems(runId)) {
            LlmCall call = LedgerItems.call(item);
            if (call.outcome() != CallOutcome.RESERVED) {
                continue;
            }
            ModelRef model = new ModelRef(Provider.fromWireName(call.provider()).orElse(Provider.REPLAY), call.model());
            Reservation reservation = new Reservation(call.callId(), CallScope.of(runId, call.projectId(), call.userId(), call.agent()),
                    call.exchange(), model, call.startedAt(), YearMonth.from(call.startedAt().atZone(ZoneOffset.UTC)), call.reservedUsd());
            try {
                settle(reservation, LedgerItems.recordedResult(item)
                        .orElseGet(() -> CallResult.failed("abandoned", Duration.ZERO, call.agentCall())));
                released++;
            } catch (IllegalStateException settledMeanwhile) {
                // the call finished on its own after all
            }
        }
        return released;
    }

    /** Every call of a run, in the order they started. */
    public List<LlmCall> runCalls(String runId) {
        return runCallItems(runId).stream().map(LedgerItems::call).toList();
    }

    private List<Map<String, AttributeValue>> runCallItems(String runId) {
        return table.queryAll(Keys.runPartition(runId), Keys.LLM_CALL_PREFIX);
    }

    /** What a run's calls cost, in all and per agent, and whether they were replayed. */
    public RunCost runCost(String runId) {
        Map<String, AgentCost> byAgent = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long settled = 0;
        long refused = 0;
        long inFlight = 0;
        boolean replayed = false;
        for (LlmCall call : runCalls(runId)) {
            replayed |= call.replayed();
            switch (call.outcome()) {
                case REFUSED -> refused++;
                case RESERVED -> inFlight++;
                case SUCCEEDED, FAILED -> {
                    settled++;
                    total = total.add(call.costUsd());
                    byAgent.merge(call.agent(), AgentCost.none(call.agent()).plus(call), (a, b) -> a.plus(call));
                }
            }
        }
        return new RunCost(runId, total, settled, refused, inFlight, byAgent, replayed);
    }

    /** What a project has spent and holds reserved, in all and per agent (strongly consistent). */
    public ProjectCost projectCost(String projectId) {
        Spend spend = table.get(Keys.projectLlmSpend(projectId)).map(LedgerItems::spend).orElse(Spend.NONE);
        Map<String, AgentCost> byAgent = new HashMap<>();
        for (var item : table.queryAll(Keys.projectPartition(projectId), Keys.LLM_AGENT_SPEND_PREFIX)) {
            AgentCost cost = LedgerItems.agentCost(item);
            byAgent.put(cost.agent(), cost);
        }
        return new ProjectCost(projectId, spend, byAgent);
    }

    /** What a user has spent and holds reserved in the current calendar month (UTC), the one a call now reserves against. */
    public Spend currentUserMonthSpend(String userId) {
        return userMonthSpend(userId, YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    /** What a user has spent and holds reserved in a calendar month (UTC). */
    public Spend userMonthSpend(String userId, YearMonth month) {
        return table.get(Keys.userMonthLlmSpend(userId, month)).map(LedgerItems::spend).orElse(Spend.NONE);
    }

    /**
     * Adds {@code amount} to a counter's committed and reserved money, on condition that the
     * committed money stays within {@code limit}. A missing counter is zero; DynamoDB's
     * conditions cannot add, so the condition compares with {@code limit - amount}.
     */
    private TransactWriteItem reserveOn(Key key, Optional<BigDecimal> limit, BigDecimal amount, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":type", AttributeValue.fromS(LedgerItems.SPEND_TYPE),
                ":now", AttributeValue.fromS(now.toString()),
                ":amount", number(amount)));
        var update = Update.builder().tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #type = :type, #updatedAt = :now ADD #committed :amount, #reserved :amount")
                .expressionAttributeNames(Map.of("#type", TableSchema.TYPE, "#updatedAt", UPDATED_AT,
                        "#committed", COMMITTED_USD, "#reserved", RESERVED_USD))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        limit.ifPresent(max -> {
            values.put(":headroom", number(max.subtract(amount)));
            boolean fitsAnEmptyCounter = amount.compareTo(max) <= 0;
            update.conditionExpression(fitsAnEmptyCounter
                    ? "attribute_not_exists(#committed) OR #committed <= :headroom"
                    : "#committed <= :headroom");
        });
        return TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build();
    }

    private TransactWriteItem settleOn(Key key, BigDecimal reserved, BigDecimal cost, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #updatedAt = :now ADD #committed :delta, #reserved :release, #settled :cost, #calls :one")
                .expressionAttributeNames(Map.of("#updatedAt", UPDATED_AT, "#committed", COMMITTED_USD,
                        "#reserved", RESERVED_USD, "#settled", SETTLED_USD, "#calls", CALLS))
                .expressionAttributeValues(Map.of(
                        ":now", AttributeValue.fromS(now.toString()),
                        ":delta", number(cost.subtract(reserved)),
                        ":release", number(reserved.negate()),
                        ":cost", number(cost),
                        ":one", AttributeValue.fromN("1")))
                .build()).build();
    }

    private TransactWriteItem addToAgent(Key key, String agent, CallResult result, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #type = :type, #agent = :agent, #updatedAt = :now "
                        + "ADD #settled :cost, #calls :one, #prompt :prompt, #cached :cached, #completion :completion")
                .expressionAttributeNames(Map.of("#type", TableSchema.TYPE, "#agent", AGENT, "#updatedAt", UPDATED_AT,
                        "#settled", SETTLED_USD, "#calls", CALLS, "#prompt", PROMPT_TOKENS, "#cached", CACHED_TOKENS,
                        "#completion", COMPLETION_TOKENS))
                .expressionAttributeValues(Map.of(
                        ":type", AttributeValue.fromS(LedgerItems.AGENT_SPEND_TYPE),
                        ":agent", AttributeValue.fromS(agent),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":cost", number(result.costUsd()),
                        ":one", AttributeValue.fromN("1"),
                        ":prompt", number(result.usage().promptTokens()),
                        ":cached", number(result.usage().cachedTokens()),
                        ":completion", number(result.usage().completionTokens())))
                .build()).build();
    }

    /** The call item's last write: its outcome and result, on condition it is still reserved. */
    private TransactWriteItem finishCall(Key key, CallResult result, Instant now) {
        ResultUpdate update = ResultUpdate.of(result, now);
        return TransactWriteItem.builder().update(Update.builder().tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #outcome = :outcome, " + update.set() + " REMOVE #recorded")
                .conditionExpression("#outcome = :reserved")
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())
                .build()).build();
    }

    /** Writes the result onto the still-reserved call item, as the outcome it will settle with. */
    private void recordResult(Key key, String callId, CallResult result, Instant now) {
        ResultUpdate update = ResultUpdate.of(result, now);
        try {
            dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                    .updateExpression("SET #recorded = :outcome, " + update.set())
                    .conditionExpression("#outcome = :reserved")
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()));
        } catch (ConditionalCheckFailedException settled) {
            throw settledAlready(callId);
        }
    }

    /** The attributes a call's result sets, shared by {@link #recordResult} and {@link #finishCall}. */
    private record ResultUpdate(String set, Map<String, String> names, Map<String, AttributeValue> values) {

        static ResultUpdate of(CallResult result, Instant now) {
            Map<String, String> names = new HashMap<>(Map.of("#outcome", OUTCOME, "#version", TableSchema.VERSION,
                    "#prompt", PROMPT_TOKENS, "#cached", CACHED_TOKENS, "#completion", COMPLETION_TOKENS,
                    "#estimated", USAGE_ESTIMATED, "#cost", COST_USD, "#latency", LATENCY_MS, "#truncated", TRUNCATED,
                    "#finishedAt", FINISHED_AT));
            names.put("#recorded", RECORDED_OUTCOME);
            Map<String, AttributeValue> values = new HashMap<>(Map.of(
                    ":outcome", AttributeValue.fromS(result.outcome().name()),
                    ":reserved", AttributeValue.fromS(CallOutcome.RESERVED.name()),
                    ":one", AttributeValue.fromN("1"),
                    ":prompt", number(result.usage().promptTokens()),
                    ":cached", number(result.usage().cachedTokens()),
                    ":completion", number(result.usage().completionTokens()),
                    ":estimated", AttributeValue.fromBool(result.usage().estimated()),
                    ":cost", number(result.costUsd()),
                    ":latency", number(result.latency().toMillis()),
                    ":truncated", AttributeValue.fromBool(result.truncated())));
            values.put(":finishedAt", AttributeValue.fromS(now.toString()));
            StringBuilder set = new StringBuilder("#version = #version + :one, #prompt = :prompt, "
                    + "#cached = :cached, #completion = :completion, #estimated = :estimated, #cost = :cost, "
                    + "#latency = :latency, #truncated = :truncated, #finishedAt = :finishedAt");
            result.error().ifPresent(error -> {
                names.put("#error", ERROR);
                values.put(":error", AttributeValue.fromS(error));
                set.append(", #error = :error");
            });
            result.agentCall().ifPresent(n -> {
                names.put("#agentCall", AGENT_CALL);
                values.put(":agentCall", number(n));
                set.append(", #agentCall = :agentCall");
            });
            return new ResultUpdate(set.toString(), names, values);
        }
    }

    /** A transaction cancelled for a reason other than its conditions (another transaction on the same counter) is tried again. */
    private void transact(List<TransactWriteItem> writes, SingleTable.ConditionFailure onConditionFailed) {
        retry.run(attempt -> table.transact(writes, onConditionFailed), CostLedger::contention, TransactionCanceledException.class);
    }

    private static LedgerContentionException contention(Contention contention) {
        return contention.interrupted()
                ? new LedgerContentionException("interrupted while the ledger was busy", contention.lastConflict())
                : new LedgerContentionException("the ledger stayed busy for " + contention.attempts() + " attempts", contention.lastConflict());
    }

    private static BudgetExceededException refusal(Budget budget, BigDecimal limit,
                                                   Optional<Map<String, AttributeValue>> stored, BigDecimal requested) {
        Optional<BigDecimal> committed = stored.flatMap(item -> Attributes.of(item).optionalDecimal(COMMITTED_USD));
        return new BudgetExceededException(budget, limit, committed, requested);
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
