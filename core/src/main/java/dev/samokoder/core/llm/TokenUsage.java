package dev.samokoder.core.llm;

/**
 * Tokens of one call, the same way for every provider.
 *
 * @param promptTokens     every input token, cached ones included
 * @param cachedTokens     the part of the prompt served from the provider's prompt cache (billed lower)
 * @param completionTokens output tokens
 * @param estimated        true when the provider reported no usage and the gateway counted by its own rule
 */
public record TokenUsage(long promptTokens, long cachedTokens, long completionTokens, boolean estimated) {

    public TokenUsage {
        if (promptTokens < 0 || cachedTokens < 0 || completionTokens < 0 || cachedTokens > promptTokens) {
            throw new IllegalArgumentException("need 0 <= cachedTokens <= promptTokens and completionTokens >= 0, got "
                    + promptTokens + "/" + cachedTokens + "/" + completionTokens);
        }
    }

    public static TokenUsage reported(long promptTokens, long cachedTokens, long completionTokens) {
        return new TokenUsage(promptTokens, cachedTokens, completionTokens, false);
    }
}
