package dev.samokoder.core.ledger;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger's items and attribute names (docs/data-model.md lists them). */
final class LedgerItems {

    static final String CALL_TYPE = "LlmCall";
    static final String SPEND_TYPE = "LlmSpend";
    static final String AGENT_SPEND_TYPE = "LlmAgentSpend";
    static final String AGENT_CALL_COUNTER_TYPE = "LlmAgentCallCounter";

    // budget counters
    static final String COMMITTED_USD = "committedUsd";
    static final String RESERVED_USD = "reservedUsd";
    static final String SETTLED_USD = "settledUsd";
    static final String CALLS = "calls";
    static final String UPDATED_AT = "updatedAt";
    static final String NEXT = "next";

    // calls (and per-agent counters share the token names)
    static final String OUTCOME = "outcome";
    static final String AGENT = "agent";
    static final String AGENT_CALL = "agentCall";
    /** The exchange a call named: its agent's step and the round in it. */
    static final String STEP = "step";
    static final String ROUND = "round";
    static final String PROMPT_TOKENS = "promptTokens";
    static final String CACHED_TOKENS = "cachedTokens";
    static final String COMPLETION_TOKENS = "completionTokens";
    static final String USAGE_ESTIMATED = "usageEstimated";
    static final String COST_USD = "costUsd";
    static final String LATENCY_MS = "latencyMs";
    static final String TRUNCATED = "truncated";
    static final String ERROR = "error";
    static final String FINISHED_AT = "finishedAt";
    /** The outcome a call's step recorded before it settled the counters; removed when it settles. */
    static final String RECORDED_OUTCOME = "recordedOutcome";

    private LedgerItems() {
    }

    /** A call as first written: reserved (or refused), nothing known yet of its answer. */
    static Map<String, AttributeValue> newCall(Reservation reservation, CallOutcome outcome, long estimatedPromptTokens,
                                               int maxOutputTokens, Optional<String> error) {
        var scope = reservation.scope();
        return Attributes.item(Keys.llmCall(scope.runId(), reservation.startedAt(), reservation.callId()), CALL_TYPE, 1)
                .string("callId", reservation.callId())
                .string("runId", scope.runId())
                .string("projectId", scope.projectId())
                .string("userId", scope.userId())
                .string(AGENT, scope.agent())
                .optionalString(STEP, reservation.exchange().map(Exchange::step))
                .optionalNumber(ROUND, reservation.exchange().map(e -> OptionalLong.of(e.round())).orElse(OptionalLong.empty()))
                .string("provider", reservation.model().provider().wireName())
                .string("model", reservation.model().model())
                .string("month", reservation.month().toString())
                .string(OUTCOME, outcome.name())
                .number("estimatedPromptTokens", estimatedPromptTokens)
                .number("maxOutputTokens", maxOutputTokens)
                .decimal(RESERVED_USD, reservation.reservedUsd())
                .number(PROMPT_TOKENS, 0)
                .number(CACHED_TOKENS, 0)
                .number(COMPLETION_TOKENS, 0)
                .bool(USAGE_ESTIMATED, false)
                .decimal(COST_USD, BigDecimal.ZERO)
                .bool(TRUNCATED, false)
                .optionalString(ERROR, error)
                .instant("startedAt", reservation.startedAt())
                .build();
    }

    static LlmCall call(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        OptionalLong agentCall = a.optionalNumber(AGENT_CALL);
        OptionalLong latencyMs = a.optionalNumber(LATENCY_MS);
        OptionalLong round = a.optionalNumber(ROUND);
        Optional<Exchange> exchange = a.optionalString(STEP).filter(step -> round.isPresent())
                .map(step -> new Exchange(step, (int) round.getAsLong()));
        return new LlmCall(a.string("callId"), a.string("runId"), a.string("projectId"), a.string("userId"),
                a.string(AGENT), a.string("provider"), a.string("model"),
                agentCall.isPresent() ? OptionalInt.of((int) agentCall.getAsLong()) : OptionalInt.empty(), exchange,
                CallOutcome.valueOf(a.string(OUTCOME)), a.number("estimatedPromptTokens"), (int) a.number("maxOutputTokens"),
                a.number(PROMPT_TOKENS), a.number(CACHED_TOKENS), a.number(COMPLETION_TOKENS), a.bool(USAGE_ESTIMATED),
                a.decimal(RESERVED_USD), a.decimal(COST_USD),
                latencyMs.isPresent() ? Optional.of(Duration.ofMillis(latencyMs.getAsLong())) : Optional.empty(),
                a.bool(TRUNCATED), a.optionalString(ERROR), a.instant("startedAt"),
                a.optionalString(FINISHED_AT).map(Instant::parse));
    }

    /**
     * The result a still-reserved call's step recorded before settling the counters (see
     * {@link CostLedger#settle}), if it got that far.
     */
    static Optional<CallResult> recordedResult(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return a.optionalString(RECORDED_OUTCOME).map(outcome -> {
            OptionalLong agentCall = a.optionalNumber(AGENT_CALL);
            return new CallResult(CallOutcome.valueOf(outcome),
                    new TokenUsage(a.number(PROMPT_TOKENS), a.number(CACHED_TOKENS), a.number(COMPLETION_TOKENS), a.bool(USAGE_ESTIMATED)),
                    a.decimal(COST_USD), Duration.ofMillis(a.optionalNumber(LATENCY_MS).orElse(0)), a.bool(TRUNCATED),
                    agentCall.isPresent() ? OptionalInt.of((int) agentCall.getAsLong()) : OptionalInt.empty(),
                    a.optionalString(ERROR));
        });
    }

    static Spend spend(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new Spend(a.optionalDecimal(SETTLED_USD).orElse(BigDecimal.ZERO),
                a.optionalDecimal(RESERVED_USD).orElse(BigDecimal.ZERO),
                a.optionalNumber(CALLS).orElse(0));
    }

    static AgentCost agentCost(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new AgentCost(a.string(AGENT), a.optionalDecimal(SETTLED_USD).orElse(BigDecimal.ZERO),
                a.optionalNumber(CALLS).orElse(0), a.optionalNumber(PROMPT_TOKENS).orElse(0),
                a.optionalNumber(CACHED_TOKENS).orElse(0), a.optionalNumber(COMPLETION_TOKENS).orElse(0));
    }
}
