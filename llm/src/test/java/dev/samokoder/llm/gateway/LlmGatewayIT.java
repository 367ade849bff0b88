package dev.samokoder.llm.gateway;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.ledger.CallOutcome;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.LlmCall;
import dev.samokoder.core.ledger.RunCost;
import dev.samokoder.core.llm.BudgetExceededException;
import dev.samokoder.core.llm.CallBilling;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.ContextTooLargeException;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.GatewayLimits;
import dev.samokoder.core.llm.InvalidOutputException;
import dev.samokoder.core.llm.LlmException;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.UnknownModelException;
import dev.samokoder.core.models.AgentModels;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.ModelSpec;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.llm.context.TokenEstimate;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.replay.ReplayProvider;
import dev.samokoder.llm.replay.ReplayTranscript;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class LlmGatewayIT {

    private static final ModelRef SONNET = ModelRef.parse("anthropic:claude-sonnet-4-5");
    private static final BigDecimal GENEROUS = new BigDecimal("1000");
    private static final int MAX_OUTPUT = 1000;

    private final List<Duration> waits = new ArrayList<>();
    private final PriceTable prices = PriceTable.builtIn();
    private CostLedger ledger;
    private CallScope scope;

    @BeforeEach
    void setUp(LocalAws aws) {
        ledger = new CostLedger(aws.clients().dynamoDb(), aws.storage().table(), Clock.systemUTC());
        scope = CallScope.of(Ids.newId("run"), Ids.newId("prj"), Ids.newId("usr"), "SpecWriter");
    }

    @Test
    void aStepWhoseInputsExceedTheWindow_failsWithTheNamedError_beforeAnyRequest() {
        // given: openai-compatible models have a 32768-token window; 120 000 characters are 40 000 tokens
        ScriptedProvider provider = answering(request -> answer("never"));
        LlmGateway gateway = gateway(ModelRef.parse("openai-compatible:llama3.1"), provider);
        LlmRequest huge = LlmRequest.of(scope, List.of(LlmMessage.user("x".repeat(120_000))));

        // when / then
        assertThatThrownBy(() -> gateway.complete(huge))
                .isInstanceOfSatisfying(ContextTooLargeException.class, e -> assertThat(e.contextWindow()).isEqualTo(32_768));
        assertThat(provider.requests()).isEmpty();
        assertThat(ledger.runCalls(scope.runId())).isEmpty();
    }

    @Test
    void aCallRefusedByTheBudget_makesNoProviderRequest() {
        // given: a paid model and a project budget of nothing
        ScriptedProvider provider = answering(request -> answer("never"));
        LlmGateway gateway = gateway(SONNET, provider);

        // when / then
        assertThatThrownBy(() -> gateway.complete(request(scope.withProjectBudget(BigDecimal.ZERO), "write the spec")))
                .isInstanceOf(BudgetExceededException.class);
        assertThat(provider.requests()).isEmpty();
        assertThat(ledger.runCalls(scope.runId())).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(CallOutcome.REFUSED));
    }

    @Test
    void twentyConcurrentCalls_againstABudgetThatFitsFive_makeExactlyFiveProviderRequests() throws Exception {
        // given: every call costs exactly its reservation, so settling frees nothing for a sixth
        ModelSpec spec = prices.find(SONNET).orElseThrow();
        List<LlmMessage> messages = List.of(LlmMessage.user("write the spec"));
        long prompt = TokenEstimate.of(messages);
        BigDecimal perCall = spec.prices().maximumCost(prompt, MAX_OUTPUT);
        CallScope capped = scope.withProjectBudget(perCall.multiply(new BigDecimal("5.5")));
        ScriptedProvider provider = answering(request -> new ProviderResponse("spec",
                Optional.of(TokenUsage.reported(prompt, 0, MAX_OUTPUT)), true));
        LlmGateway gateway = gateway(SONNET, provider);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();

        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        gateway.complete(LlmRequest.of(capped, messages));
                        return true;
                    } catch (BudgetExceededException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
        }

        // then
        int admitted = 0;
        for (Future<Boolean> outcome : outcomes) {
            admitted += outcome.get() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(5);
        assertThat(provider.requests()).hasSize(5);
        RunCost run = ledger.runCost(scope.runId());
        assertThat(run.calls()).isEqualTo(5);
        assertThat(run.refused()).isEqualTo(15);
        assertThat(run.totalUsd()).isEqualByComparingTo(perCall.multiply(BigDecimal.valueOf(5)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // 1000 prompt tokens (200 of them cached) and 500 completion tokens
            "openai:gpt-4o-mini,            0.00043500",
            "anthropic:claude-sonnet-4-5,   0.00996000",
            "bedrock:amazon.nova-lite-v1:0, 0.00017100",
            "openai-compatible:llama3.1,    0",
            "replay:demo,                   0",
    })
    void theLedgerRecordsTheCostFromThePriceTable_forEachProviderAndModel(String model, BigDecimal expectedUsd) {
        // given
        ScriptedProvider provider = answering(request -> new ProviderResponse("ok",
                Optional.of(TokenUsage.reported(1000, 200, 500)), false));
        LlmGateway gateway = gateway(ModelRef.parse(model), provider);

        // when
        LlmResponse response = gateway.complete(request(scope, "hello"));

        // then
        assertThat(response.costUsd()).isEqualByComparingTo(expectedUsd);
        LlmCall call = ledger.runCalls(scope.runId()).getFirst();
        assertThat(call.provider() + ":" + call.model()).isEqualTo(model);
        assertThat(call.costUsd()).isEqualByComparingTo(expectedUsd);
        assertThat(call.promptTokens()).isEqualTo(1000);
        assertThat(call.cachedTokens()).isEqualTo(200);
        assertThat(call.completionTokens()).isEqualTo(500);
        assertThat(ledger.projectCost(scope.projectId()).spend().settledUsd()).isEqualByComparingTo(expectedUsd);
    }

    @Test
    void aRateLimitedCall_waitsWhatTheProviderAsked_thenSucceeds() {
        // given
        AtomicInteger attempts = new AtomicInteger();
        ScriptedProvider provider = answering(request -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RateLimitedException(Provider.ANTHROPIC, OptionalInt.of(429), Optional.of(Duration.ofSeconds(3)), "slow down", null);
            }
            return answer("spec");
        });
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        LlmGateway gateway = gateway(SONNET, provider).observedBy((callScope, model, attempt, wait, reason) ->
                told.add(callScope.agent() + " " + model + " attempt " + attempt + " after " + wait.toSeconds() + " s: " + reason));

        // when
        LlmResponse response = gateway.complete(request(scope, "write the spec"));

        // then: one call in the ledger, its retry told (what the timeline shows)
        assertThat(response.text()).isEqualTo("spec");
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(ledger.runCost(scope.runId()).calls()).isEqualTo(1);
        assertThat(told).containsExactly(scope.agent() + " " + SONNET + " attempt 2 after 3 s: rate-limited (it asked to wait 3000 ms)");
    }

    @Test
    void rateLimitsPastTheBoundedWait_failTheCall_andReleaseItsReservation() {
        // given: the provider always asks for 40 s; a call may wait 60 s in all
        ScriptedProvider provider = answering(request -> {
            throw new RateLimitedException(Provider.ANTHROPIC, OptionalInt.of(429), Optional.of(Duration.ofSeconds(40)), "slow down", null);
        });
        LlmGateway gateway = gateway(SONNET, provider);

        // when / then
        assertThatThrownBy(() -> gateway.complete(request(scope, "write the spec"))).isInstanceOf(RateLimitedException.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(40));
        assertThat(provider.requests()).hasSize(2);
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call.error()).contains("rate_limited");
            assertThat(call.costUsd()).isEqualByComparingTo("0");
        });
        assertThat(ledger.projectCost(scope.projectId()).spend().committedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void aProviderFailure_isRecordedWithItsCode_andReachesTheCallerUnchanged() {
        // given
        ScriptedProvider provider = answering(request -> {
            throw new ProviderUnavailableException(Provider.ANTHROPIC, OptionalInt.of(529), "overloaded", null);
        });
        LlmGateway gateway = gateway(SONNET, provider);

        // when / then
        assertThatThrownBy(() -> gateway.complete(request(scope, "write the spec")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 529");
        assertThat(ledger.runCalls(scope.runId())).singleElement()
                .satisfies(call -> assertThat(call.error()).contains("provider_unavailable"));
    }

    @Test
    void withoutReportedUsage_theGatewayCountsByItsRule_andSaysSo() {
        // given
        ScriptedProvider provider = answering(request -> answer("abcdef"));
        LlmGateway gateway = gateway(SONNET, provider);
        LlmRequest request = request(scope, "write the spec");

        // when
        LlmResponse response = gateway.complete(request);

        // then
        assertThat(response.usage()).isEqualTo(new TokenUsage(TokenEstimate.of(request.messages()), 0, 2, true));
        assertThat(ledger.runCalls(scope.runId()).getFirst().usageEstimated()).isTrue();
    }

    @Test
    void anEmptyAnswer_isInvalidOutput_andStillBilled() {
        // given
        ScriptedProvider provider = answering(request -> new ProviderResponse(" ", Optional.of(TokenUsage.reported(100, 0, 1000)), true));
        LlmGateway gateway = gateway(SONNET, provider);

        // when / then
        assertThatThrownBy(() -> gateway.complete(request(scope, "write the spec")))
                .isInstanceOf(InvalidOutputException.class).hasMessageContaining("output limit");
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call.error()).contains("invalid_output");
            assertThat(call.costUsd()).isPositive();
        });
    }

    @Test
    void theProjectsModelChoice_isTheModelCalled() {
        // given
        ScriptedProvider provider = answering(request -> answer("ok"));
        LlmGateway gateway = gateway(SONNET, provider);
        ModelRef projectChoice = ModelRef.parse("openai:gpt-4.1-mini");
        CallScope withChoice = scope.withModels(new ModelOverrides(Optional.empty(), Map.of("SpecWriter", projectChoice)));

        // when
        LlmResponse response = gateway.complete(request(withChoice, "write the spec"));

        // then
        assertThat(provider.requests().getFirst().model()).isEqualTo(projectChoice);
        assertThat(response.model()).isEqualTo(projectChoice);
        assertThat(gateway.modelFor(withChoice).model()).isEqualTo(projectChoice);
    }

    @Test
    void aModelTheCatalogueDoesNotPrice_isTheNamedUnknownModelError_beforeAnyRequest() {
        // given: a project that chose a model the price table does not list
        ScriptedProvider provider = answering(request -> answer("ok"));
        LlmGateway gateway = gateway(SONNET, provider);
        CallScope unpriced = scope.withModels(new ModelOverrides(Optional.empty(), Map.of("SpecWriter",
                ModelRef.parse("openai:gpt-0-unreleased"))));

        // when / then
        assertThatThrownBy(() -> gateway.complete(request(unpriced, "write the spec"))).isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("no price for openai:gpt-0-unreleased").hasMessageContaining("SAMOKODER_LLM_PRICE_TABLE");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void theOutputAllowance_andTheConversation_reachTheProvider() {
        // given
        ScriptedProvider provider = answering(request -> answer("ok"));
        LlmGateway gateway = gateway(SONNET, provider);
        List<LlmMessage> conversation = List.of(LlmMessage.system("you write specs"), LlmMessage.user("a todo app"));

        // when
        gateway.complete(LlmRequest.of(scope, conversation).withMaxOutputTokens(321).withTemperature(0.2));

        // then
        ProviderRequest sent = provider.requests().getFirst();
        assertThat(sent.messages()).isEqualTo(conversation);
        assertThat(sent.maxOutputTokens()).isEqualTo(321);
        assertThat(sent.temperature()).hasValue(0.2);
        assertThat(sent.agent()).isEqualTo("SpecWriter");
    }

    @Test
    void replayedAnswers_ofCallsThatNameNoExchange_comeInCallOrderPerAgent_andTheRunSummarySaysTheyWereReplayed() {
        // given
        ReplayProvider replay = new ReplayProvider(ReplayTranscript.parse("""
                {"agent": "SpecWriter", "step": "call", "round": 1, "text": "spec v1"}
                {"agent": "SpecWriter", "step": "call", "round": 2, "text": "spec v2"}
                {"agent": "Architect", "step": "call", "round": 1, "text": "the plan"}
                """, "test"));
        ChatProviders providers = (model, userId) -> replay;
        LlmGateway gateway = new LlmGateway(new AgentModels(ModelRef.parse("replay:demo"), Map.of()), prices, providers,
                ledger, new GatewayLimits(MAX_OUTPUT, GENEROUS, Duration.ofSeconds(60)), waits::add);

        // when
        LlmResponse first = gateway.complete(request(scope, "write the spec"));
        LlmResponse plan = gateway.complete(request(scope.forAgent("Architect"), "plan it"));
        LlmResponse second = gateway.complete(request(scope, "revise the spec"));

        // then
        assertThat(List.of(first.text(), plan.text(), second.text())).containsExactly("spec v1", "the plan", "spec v2");
        assertThat(first.replayed()).isTrue();
        RunCost run = ledger.runCost(scope.runId());
        assertThat(run.replayed()).isTrue();
        assertThat(run.summary()).contains("3 model call(s)").contains("responses were replayed");
        assertThat(ledger.runCalls(scope.runId())).extracting(call -> call.agentCall().orElseThrow()).containsExactly(0, 0, 1);
        assertThat(ledger.runCalls(scope.runId())).allSatisfy(call -> assertThat(call.exchange()).isEmpty());
    }

    @Test
    void aCallThatNamesItsExchange_isRecordedUnderIt_andTakesNoNumberAmongItsAgentsCalls(LocalAws aws) {
        // given
        ScriptedProvider provider = answering(request -> answer("spec"));
        LlmGateway gateway = gateway(SONNET, provider);
        Exchange exchange = new Exchange("spec", 2);

        // when
        gateway.complete(request(scope, "write the spec").withExchange(exchange));

        // then: the provider and the ledger see the exchange, and no call counter was written
        assertThat(provider.requests().getFirst().exchange()).isEqualTo(exchange);
        assertThat(ledger.runCalls(scope.runId())).singleElement().satisfies(call -> {
            assertThat(call.exchange()).contains(exchange);
            assertThat(call.agentCall()).isEmpty();
            assertThat(call.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
        });
        assertThat(aws.storage().table().get(Keys.llmAgentCallCounter(scope.runId(), "SpecWriter"))).isEmpty();
    }

    @Test
    void aFailedCall_isMeteredAsAModelCall_atNoTokensAndNoCost_asTheRunsSummaryCountsIt() {
        // given: a provider that fails, and billing that records what it is told
        List<String> metered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallBilling billing = new CallBilling() {
            @Override
            public boolean allowsPlatform(String userId) {
                return true;
            }

            @Override
            public void recordCall(CallScope callScope, String callId, ModelRef model, TokenUsage usage, java.math.BigDecimal costUsd) {
                metered.add(model + " " + usage.promptTokens() + "+" + usage.completionTokens() + " $" + costUsd.toPlainString());
            }
        };
        ScriptedProvider provider = answering(request -> {
            throw new ProviderUnavailableException(Provider.ANTHROPIC, OptionalInt.of(503), "overloaded", null);
        });
        LlmGateway gateway = new LlmGateway(new AgentModels(SONNET, Map.of()), prices, provider, ledger,
                new GatewayLimits(MAX_OUTPUT, GENEROUS, Duration.ofSeconds(60)), waits::add, billing);

        // when
        assertThatThrownBy(() -> gateway.complete(request(scope, "write the spec"))).isInstanceOf(LlmException.class);

        // then: one call in the run's summary, one metered
        assertThat(ledger.runCost(scope.runId()).calls()).isEqualTo(1);
        assertThat(metered).containsExactly(SONNET + " 0+0 $0");
    }

    private LlmGateway gateway(ModelRef model, ScriptedProvider provider) {
        return new LlmGateway(new AgentModels(model, Map.of()), prices, provider, ledger,
                new GatewayLimits(MAX_OUTPUT, GENEROUS, Duration.ofSeconds(60)), waits::add);
    }

    private static ScriptedProvider answering(Function<ProviderRequest, ProviderResponse> answer) {
        return new ScriptedProvider(answer);
    }

    private static ProviderResponse answer(String text) {
        return new ProviderResponse(text, Optional.empty(), false);
    }

    private static LlmRequest request(CallScope scope, String prompt) {
        return LlmRequest.of(scope, List.of(LlmMessage.user(prompt)));
    }
}
