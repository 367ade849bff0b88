package dev.samokoder.llm.providers;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.Setting;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.llm.CallBilling;
import dev.samokoder.core.llm.CallObserver;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.core.secrets.SecretCiphers;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.llm.gateway.LlmGateway;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import dev.samokoder.llm.provider.KeySource;
import dev.samokoder.llm.provider.StoredKeySource;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.MeteredBilling;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.runs.RunEvents;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the gateway the way an agent step's no-argument constructor needs it: from configuration and the table. */
public final class LlmGateways {

    private LlmGateways() {
    }

    /**
     * The platform's gateway: keys in the order project override, user's own key (both stored
     * encrypted), the configuration's keys, then the platform model if the user has credit; every
     * call metered, platform-paid calls charged to the user's credit.
     */
    public static LlmGateway fromConfig(SamokoderConfig config, DynamoDbClient dynamoDb) {
        Clock clock = Clock.systemUTC();
        SingleTable table = new SingleTable(dynamoDb, config.aws().tableName());
        LlmKeyService stored = new LlmKeyService(dynamoDb, table, SecretCiphers.create(config, config.local().dataDir()),
                config.llm().privateBaseUrlsAllowed(), clock, config.storage().conflictRetry());
        CallBilling billing = new MeteredBilling(new UsageMeter(dynamoDb, table, clock),
                new CreditLedger(table, clock, config.storage().hotConflictRetry()),
                config.billing().markup(), config.llm().platformModel());
        return fromConfig(config, dynamoDb, new StoredKeySource(stored, new ConfiguredKeySource(config.llm())), billing);
    }

    /** With given keys and no billing (tools and tests that run the gateway alone). */
    public static LlmGateway fromConfig(SamokoderConfig config, DynamoDbClient dynamoDb, KeySource keys) {
        return fromConfig(config, dynamoDb, keys, CallBilling.NONE);
    }

    private static void requireAgents(Setting setting, java.util.Set<String> agents) {
        agents.stream().filter(agent -> !AgentNames.MODEL_CALLERS.contains(agent)).findFirst().ifPresent(agent -> {
            throw new ConfigException(setting.variable() + ": '" + agent + "' is not an agent that calls a model; "
                    + "the agents are " + String.join(", ", AgentNames.MODEL_CALLERS));
        });
    }

    /** @throws ConfigException if {@code SAMOKODER_LLM_AGENT_MODELS} or {@code SAMOKODER_LLM_AGENT_MAX_OUTPUT_TOKENS} names an agent that calls no model (a typo would be ignored) */
    public static LlmGateway fromConfig(SamokoderConfig config, DynamoDbClient dynamoDb, KeySource keys, CallBilling billing) {
        requireAgents(Setting.LLM_AGENT_MODELS, config.llm().agentModels().keySet());
        requireAgents(Setting.LLM_AGENT_MAX_OUTPUT_TOKENS, config.llm().agentMaxOutputTokens().keySet());
        SingleTable table = new SingleTable(dynamoDb, config.aws().tableName());
        CostLedger ledger = new CostLedger(dynamoDb, table, Clock.systemUTC(), config.storage().hotConflictRetry());
        return LlmGateway.create(config.llm(), LangChain4jProviders.create(config.llm(), keys), ledger, billing)
                .observedBy(timeline(new RunEvents(dynamoDb, table, Clock.systemUTC())));
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
