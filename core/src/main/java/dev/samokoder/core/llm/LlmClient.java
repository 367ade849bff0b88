package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelSpec;

/**
 * What an agent calls to talk to a model. Model choice, context limits, budgets, rate limits,
 * provider quirks and the cost ledger are behind it; an agent sees an answer or one of the named
 * errors (subclasses of {@link LlmException}).
 */
public interface LlmClient {

    /**
     * Sends the conversation to the model chosen for the scope's agent and records the call.
     *
     * @throws ContextTooLargeException  the prompt and output allowance do not fit the model's window (nothing sent)
     * @throws BudgetExceededException   the call's maximum cost would pass a budget (nothing sent)
     * @throws RateLimitedException      the provider kept rate limiting past the bounded wait
     * @throws ProviderException         the provider refused, failed, timed out or answered garbage
     * @throws InvalidOutputException    the model answered nothing usable
     * @throws MissingProviderKeyException, UnknownModelException configuration to fix
     */
    LlmResponse complete(LlmRequest request);

    /** The model a call in this scope would use, with its window and output limit, so a step can size what it sends. */
    ModelSpec modelFor(CallScope scope);

    /** The output allowance a call in this scope gets when it sets none: the agent's, never above the model's limit. */
    default int maxOutputTokens(CallScope scope) {
        return modelFor(scope).maxOutputTokens();
    }
}
