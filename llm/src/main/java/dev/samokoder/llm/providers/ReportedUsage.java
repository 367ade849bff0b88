package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.TokenUsage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.bedrock.BedrockTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import java.util.Optional;

/**
 * A provider's token usage in the gateway's terms (prompt tokens include cached ones). OpenAI
 * counts cached tokens inside its prompt tokens; Anthropic and Bedrock count cache reads and
 * writes beside their input tokens, so those are added back.
 */
final class ReportedUsage {

    private ReportedUsage() {
    }

    static Optional<TokenUsage> of(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return Optional.empty();
        }
        long input = usage.inputTokenCount();
        long output = usage.outputTokenCount();
        return Optional.of(switch (usage) {
            case OpenAiTokenUsage openAi -> TokenUsage.reported(input,
                    Math.min(input, openAi.inputTokensDetails() == null ? 0 : orZero(openAi.inputTokensDetails().cachedTokens())), output);
            case AnthropicTokenUsage anthropic -> withCache(input, orZero(anthropic.cacheReadInputTokens()),
                    orZero(anthropic.cacheCreationInputTokens()), output);
            case BedrockTokenUsage bedrock -> withCache(input, orZero(bedrock.cacheReadInputTokens()),
                    orZero(bedrock.cacheWriteInputTokens()), output);
            default -> TokenUsage.reported(input, 0, output);
        });
    }

    private static TokenUsage withCache(long input, long cacheRead, long cacheWrite, long output) {
        return TokenUsage.reported(input + cacheRead + cacheWrite, cacheRead, output);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
