package dev.samokoder.llm.gateway;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.Setting;
import dev.samokoder.core.ledger.CallResult;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.Reservation;
import dev.samokoder.core.llm.CallBilling;
import dev.samokoder.core.llm.CallObserver;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.CostMetrics;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.GatewayLimits;
import dev.samokoder.core.llm.InvalidOutputException;
import dev.samokoder.core.llm.LlmClient;
import dev.samokoder.core.llm.LlmException;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.MissingProviderKeyException;
import dev.samokoder.core.llm.PlatformProviderNotAllowedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.llm.UnknownModelException;
import dev.samokoder.core.models.AgentModels;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.ModelSpec;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.context.ContextFit;
import dev.samokoder.llm.context.TokenEstimate;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.provider.TextToolProtocol;
import dev.samokoder.llm.ratelimit.RateLimitRetry;
import dev.samokoder.llm.ratelimit.Sleeper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to a model. A call goes: choose the agent's model → find the provider and key (the
 * project's override, the user's own key, the configuration's; with none, the platform's own model
 * if the user's plan allows it) → fit the context window (or fail, nothing sent) → reserve the
 * maximum cost against the budgets (or fail, nothing sent) → ask the provider, waiting out rate
 * limits within a bound → settle the ledger to the actual cost, whatever happened → tell billing.
 * Tools go to the provider natively where the model's catalogue entry says it calls tools, else
 * as text ({@link TextToolProtocol}); an answer of tool calls alone is an answer.
 */
public final class LlmGateway implements LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(LlmGateway.class);

    private final AgentModels models;
    private final PriceTable prices;
    private final ChatProviders providers;
    private final CostLedger ledger;
    private final GatewayLimits limits;
    private final RateLimitRetry rateLimitRetry;
    private final CallBilling billing;
    private final CallObserver observer;
    private final CostMetrics metrics = CostMetrics.fromEnvironment();

    public LlmGateway(AgentModels models, PriceTable prices, ChatProviders providers, CostLedger ledger,
                      GatewayLimits limits, Sleeper sleeper) {
        this(models, prices, providers, ledger, limits, sleeper, CallBilling.NONE);
    }

    public LlmGateway(AgentModels models, PriceTable prices, ChatProviders providers, CostLedger ledger,
                      GatewayLimits limits, Sleeper sleeper, CallBilling billing) {
        this(models, prices, providers, ledger, limits, new RateLimitRetry(limits.rateLimitMaxWait(), sleeper), billing, CallObserver.NONE);
    }

    private LlmGateway(AgentModels models, PriceTable prices, ChatProviders providers, CostLedger ledger, GatewayLimits limits,
                       RateLimitRetry rateLimitRetry, CallBilling billing, CallObserver observer) {
        this.billing = billing;
        this.observer = observer;
        this.models = models;
        this.prices = prices;
        this.providers = providers;
        this.ledger = ledger;
        this.limits = limits;
        this.rateLimitRetry = rateLimitRetry;
    }

    /** Tells the observer; what it fails at does not fail the call. */
    private void tell(CallScope scope, ModelRef model, int attempt, Duration wait, String reason) {
        try {
            observer.retrying(scope, model, attempt, wait, reason);
        } catch (RuntimeException e) {
            LOG.warn("llm call of {} in run {}: the retry could not be told: {}", scope.agent(), scope.runId(), e.toString());
        }
    }

    /** The same gateway, telling {@code newObserver} about retries (the workflow's timeline). */
    public LlmGateway observedBy(CallObserver newObserver) {
        return new LlmGateway(models, prices, providers, ledger, limits, rateLimitRetry, billing, newObserver);
    }

    /** The gateway as configured; prices are read once, here. */
    public static LlmGateway create(SamokoderConfig.Llm config, ChatProviders providers, CostLedger ledger) {
        return create(config, providers, ledger, CallBilling.NONE);
    }

    /** @throws ConfigException if a configured model is not in the price table: found at start, not at a run's first call */
    public static LlmGateway create(SamokoderConfig.Llm config, ChatProviders providers, CostLedger ledger, CallBilling billing) {
        PriceTable prices = PriceTable.load(config.priceTable());
        requirePriced(prices, config.defaultModel(), Setting.LLM_MODEL.variable());
        config.agentModels().forEach((agent, model) -> requirePriced(prices, model, Setting.LLM_AGENT_MODELS.variable() + " (" + agent + ")"));
        config.platformModel().ifPresent(model -> requirePriced(prices, model, Setting.LLM_PLATFORM_MODEL.variable()));
        return new LlmGateway(new AgentModels(config.defaultModel(), config.agentModels()), prices,
                providers, ledger,
                new GatewayLimits(config.maxOutputTokens(), config.userMonthlyBudgetUsd(), config.rateLimitMaxWait(), config.agentMaxOutputTokens()),
                Sleeper.real(), billing);
    }

    private static void requirePriced(PriceTable prices, ModelRef model, String setting) {
        if (!prices.lists(model)) {
            throw new ConfigException(setting + ": " + new UnknownModelException(model).getMessage());
        }
    }

    @Override
    public int maxOutputTokens(CallScope scope) {
        return ContextFit.outputAllowance(modelFor(scope), OptionalInt.empty(), limits.maxOutputTokens(scope.agent()));
    }

    @Override
    public ModelSpec modelFor(CallScope scope) {
        ModelRef model = models.forAgent(scope.agent(), scope.models());
        return prices.find(model).orElseThrow(() -> new UnknownModelException(model));
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        CallScope scope = request.scope();
        Routed routed = route(scope, modelFor(scope));
        ModelSpec model = routed.model();
        ChatProvider provider = routed.provider();
        int maxOutputTokens = ContextFit.outputAllowance(model, request.maxOutputTokens(), limits.maxOutputTokens(scope.agent()));
        boolean textTools = !request.tools().isEmpty() && !model.capabilities().toolCalling();
        List<LlmMessage> messages = textTools
                ? TextToolProtocol.encode(request.messages(), request.tools(), request.toolChoice())
                : request.messages();
        List<ToolSpec> tools = textTools ? List.of() : request.tools();
        long promptTokens = TokenEstimate.of(messages, tools);
        ContextFit.check(model, promptTokens, maxOutputTokens);
        Reservation reservation = ledger.reserve(scope, request.exchange(), model.model(), promptTokens, maxOutputTokens,
                model.prices().maximumCost(promptTokens, maxOutputTokens),
                scope.userMonthlyBudgetUsd().orElse(limits.defaultUserMonthlyBudgetUsd()));

        long started = System.nanoTime();
        OptionalInt agentCall = OptionalInt.empty();
        ProviderResponse answer;
        Exchange exchange = null;
        try {
            // a call that names its exchange (every agent step's does) is known by it, in the ledger and to a replay;
            // only one that names none takes a number among its agent's calls (a write to a shared counter)
            if (request.exchange().isPresent()) {
                exchange = request.exchange().get();
            } else {
                agentCall = OptionalInt.of(ledger.nextAgentCall(scope.runId(), scope.agent()));
                exchange = new Exchange("call", agentCall.getAsInt() + 1);
            }
            ProviderRequest providerRequest = new ProviderRequest(model.model(), model.capabilities(), messages, maxOutputTokens,
                    request.temperature(), tools, textTools ? ToolChoice.AUTO : request.toolChoice(), scope.agent(), exchange);
            answer = rateLimitRetry.call(() -> provider.chat(providerRequest), (attempt, wait, limited) -> tell(scope, model.model(),
                    attempt, wait, "rate-limited" + limited.retryAfter().map(hint -> " (it asked to wait " + hint.toMillis() + " ms)")
                            .orElse("")));
        } catch (RuntimeException failure) {
            String code = failure instanceof LlmException named ? named.code() : "internal_error";
            LOG.warn("llm call {} {} {} failed: {}", reservation.callId(), scope.agent(), model.model(), code);
            try {
                ledger.settle(reservation, CallResult.failed(code, Duration.ofNanos(System.nanoTime() - started), agentCall));
            } catch (RuntimeException settleFailure) {
                failure.addSuppressed(settleFailure);
            }
            // a failed call is a model call too (in the run's summary and in the usage alike), at no tokens and no cost
            bill(scope, reservation.callId(), model, new TokenUsage(0, 0, 0, false), BigDecimal.ZERO);
            throw failure;
        }

        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        List<ToolCall> toolCalls = textTools ? TextToolProtocol.decode(answer.text(), exchange.round()) : answer.toolCalls();
        String text = textTools && !toolCalls.isEmpty() ? "" : answer.text();
        TokenUsage usage = answer.usage().orElseGet(() -> new TokenUsage(promptTokens, 0,
                TokenEstimate.ofAnswer(answer.text(), answer.toolCalls()), true));
        BigDecimal cost = model.prices().cost(usage.promptTokens(), usage.cachedTokens(), usage.completionTokens());
        if (text.isBlank() && toolCalls.isEmpty()) {
            InvalidOutputException empty = new InvalidOutputException(model.model() + " answered nothing"
                    + (answer.truncated() ? " before it reached the output limit of " + maxOutputTokens + " tokens" : ""));
            ledger.settle(reservation, CallResult.unusable(usage, cost, latency, answer.truncated(), agentCall, empty.code()));
            metrics.record(cost, Instant.now());
            bill(scope, reservation.callId(), model, usage, cost);
            throw empty;
        }
        ledger.settle(reservation, CallResult.succeeded(usage, cost, latency, answer.truncated(), agentCall));
        metrics.record(cost, Instant.now());
        bill(scope, reservation.callId(), model, usage, cost);
        LOG.info("llm call {} {} {}: {} prompt ({} cached) + {} completion tokens, {} tool call(s), ${} in {} ms", reservation.callId(),
                scope.agent(), model.model(), usage.promptTokens(), usage.cachedTokens(), usage.completionTokens(), toolCalls.size(),
                cost.toPlainString(), latency.toMillis());
        return new LlmResponse(text, toolCalls, reservation.callId(), model.model(), usage, cost, latency,
                answer.truncated(), maxOutputTokens, model.model().provider() == Provider.REPLAY);
    }

    /** The model a call runs on and its provider, with the credentials the key order finds. */
    private record Routed(ModelSpec model, ChatProvider provider) {
    }

    private Routed route(CallScope scope, ModelSpec chosen) {
        if (chosen.model().provider() == Provider.BEDROCK) {
            requirePlatform(scope);
            return new Routed(chosen, providers.forCall(chosen.model(), scope.userId(), scope.projectId()));
        }
        try {
            return new Routed(chosen, providers.forCall(chosen.model(), scope.userId(), scope.projectId()));
        } catch (MissingProviderKeyException missing) {
            var platform = billing.platformModel();
            if (platform.isEmpty() || !billing.allowsPlatform(scope.userId())) {
                throw missing;
            }
            ModelSpec fallback = prices.find(platform.get()).orElseThrow(() -> new UnknownModelException(platform.get()));
            LOG.info("no {} key for {}: {} runs on the platform model {}", chosen.model().provider(), scope.agent(),
                    scope.runId(), fallback.model());
            return new Routed(fallback, providers.forCall(fallback.model(), scope.userId(), scope.projectId()));
        }
    }

    private void requirePlatform(CallScope scope) {
        if (!billing.allowsPlatform(scope.userId())) {
            throw new PlatformProviderNotAllowedException(Provider.BEDROCK);
        }
    }

    /** The call is in the ledger whatever happens here: a billing failure is logged loudly, never fails a call already made. */
    private void bill(CallScope scope, String callId, ModelSpec model, TokenUsage usage, BigDecimal cost) {
        try {
            billing.recordCall(scope, callId, model.model(), usage, cost);
        } catch (RuntimeException e) {
            LOG.error("llm call {} could not be metered or charged; the ledger holds it for reconciliation", callId, e);
        }
    }
}
