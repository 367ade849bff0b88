package dev.samokoder.services.runs;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.models.Provider;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.LlmKeyService;

/**
 * Asked before a run starts: may this user's run spend the platform's money? A run whose models
 * would run on the platform's own provider (no key of the project, the user or the
 * configuration) needs prepaid credit, and is refused before it starts otherwise.
 */
@FunctionalInterface
public interface RunFunding {

    /** Every run may start (no billing configured: tests, and local mode without platform models). */
    RunFunding ANY = (userId, projectId) -> { };

    /** @throws dev.samokoder.services.billing.InsufficientCreditException when the run would need credit the user lacks */
    void check(String userId, String projectId);

    /**
     * The platform's rule: a run needs credit when its default model would run on the platform's provider — Bedrock,
     * or a provider for which neither the project, the user nor the configuration has a key.
     */
    static RunFunding forDefaultModel(SamokoderConfig.Llm llm, LlmKeyService llmKeys, Funding funding) {
        Provider provider = llm.defaultModel().provider();
        boolean configured = switch (provider) {
            case REPLAY -> true;
            case OPENAI -> llm.openAiApiKey().isPresent();
            case ANTHROPIC -> llm.anthropicApiKey().isPresent();
            case OPENAI_COMPATIBLE -> llm.openAiCompatibleBaseUrl().isPresent();
            case BEDROCK -> false;
        };
        if (configured) {
            return ANY;
        }
        return (userId, projectId) -> {
            boolean ownKey = provider != Provider.BEDROCK
                    && (llmKeys.list(LlmKeyOwner.project(projectId)).stream().anyMatch(key -> key.provider() == provider)
                    || llmKeys.list(LlmKeyOwner.user(userId)).stream().anyMatch(key -> key.provider() == provider));
            funding.requireFunds(userId, !ownKey);
        };
    }
}
