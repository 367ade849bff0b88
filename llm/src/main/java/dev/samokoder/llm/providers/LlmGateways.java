package dev.samokoder.llm.providers;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.Setting;
import dev.samokoder.core.llm.CallBilling;
import dev.samokoder.core.llm.CallObserver;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.llm.gateway.LlmGateway;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import dev.samokoder.llm.provider.KeySource;
import dev.samokoder.llm.provider.StoredKeySource;
import dev.samokoder.services.billing.MeteredBilling;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.wiring.Wiring;

/** Wires the gateway the way an agent step needs it, from the platform's {@link Wiring}. */
public final class LlmGateways {

    private LlmGateways() {
    }

    /**
     * The platform's gateway: keys in the order project override, user's own key (both stored
     * encrypted), the configuration's keys, then the platform model if the user has credit; every
     * call metered, platform-paid calls charged to the user's credit.
     */
    public static LlmGateway fromWiring(Wiring wiring) {
        SamokoderConfig config = wiring.config();
        CallBilling billing = new MeteredBilling(wiring.usageMeter(), wiring.credit(), config.billing().markup(),
                config.llm().platformModel());
        return create(wiring, new StoredKeySource(wiring.llmKeys(), new ConfiguredKeySource(config.llm())), billing);
    }

    /** With given keys and no billing (tools and tests that run the gateway alone). */
    public static LlmGateway create(Wiring wiring, KeySource keys) {
        return create(wiring, keys, CallBilling.NONE);
    }

    private static void requireAgents(Setting setting, java.util.Set<String> agents) {
        agents.stream().filter(agent -> !AgentNames.MODEL_CALLERS.contains(agent)).findFirst().ifPresent(agent -> {
            throw new ConfigException(setting.variable() + ": '" + agent + "' is not an agent that calls a model; "
                    + "the agents are " + String.join(", ", AgentNames.MODEL_CALLERS));
        });
    }

    /** @throws ConfigException if {@code SAMOKODER_LLM_AGENT_MODELS} or {@code SAMOKODER_LLM_AGENT_MAX_OUTPUT_TOKENS} names an agent that calls no model (a typo would be ignored) */
    public static LlmGateway create(Wiring wiring, KeySource keys, CallBilling billing) {
        SamokoderConfig config = wiring.config();
        requireAgents(Setting.LLM_AGENT_MODELS, config.llm().agentModels().keySet());
        requireAgents(Setting.LLM_AGENT_MAX_OUTPUT_TOKENS, config.llm().agentMaxOutputTokens().keySet());
        return LlmGateway.create(config.llm(), LangChain4jProviders.create(config.llm(), keys), wiring.costLedger(), billing)
                .observedBy(timeline(wiring.runEvents()));
    }

    /** A provider's rate limit goes on the run's timeline, with the wait: a step that is slow says why. */
    static CallObserver timeline(RunEvents events) {
        return (scope, model, attempt, wait, reason) -> {
            if (!dev.samokoder.core.domain.Ids.isValid(dev.samokoder.services.runs.Run.ID_PREFIX, scope.runId())) {
                return; // a call outside a generation run has no timeline
            }
            events.append(scope.runId(), "MODEL_RETRY", scope.agent() + "'s call to " + model + " was " + reason + "; trying again in "
                            + (wait.toMillis() < 1_000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s") + " (attempt " + attempt + ")",
                    java.util.Map.of("agent", scope.agent(), "model", model.toString(), "attempt", Integer.toString(attempt),
                            "waitMillis", Long.toString(wait.toMillis())));
        };
    }
}
