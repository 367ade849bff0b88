package dev.samokoder.services.policy;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.models.Provider;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.OwnKeys;
import dev.samokoder.services.runs.RunFunding;

/** When a run may spend the platform's money: the rule the runs service asks before a run starts. */
public final class FundingPolicy {

    private FundingPolicy() {
    }

    /**
     * A run needs credit when its default model would run on the platform's provider — Bedrock, or a
     * provider for which neither the project, the user nor the configuration has a key.
     */
    public static RunFunding forDefaultModel(SamokoderConfig.Llm llm, OwnKeys ownKeys, Funding funding) {
        Provider provider = llm.defaultModel().provider();
        boolean configured = switch (provider) {
            case REPLAY -> true;
            case OPENAI -> llm.openAiApiKey().isPresent();
            case ANTHROPIC -> llm.anthropicApiKey().isPresent();
            case OPENAI_COMPATIBLE -> llm.openAiCompatibleBaseUrl().isPresent();
            case BEDROCK -> false;
        };
        if (configured) {
            return RunFunding.ANY;
        }
        return (userId, projectId) -> {
            boolean ownKey = provider != Provider.BEDROCK
                    && (ownKeys.has(LlmKeyOwner.project(projectId), provider) || ownKeys.has(LlmKeyOwner.user(userId), provider));
            funding.requireFunds(userId, !ownKey);
        };
    }
}
