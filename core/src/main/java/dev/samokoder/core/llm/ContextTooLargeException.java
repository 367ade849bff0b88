package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelRef;

/**
 * A step's prompt and its output allowance do not fit the model's context window. Raised before
 * any request, so a step never loops on a provider's 400; the step must send less (fewer files,
 * a summary) or use a model with a larger window.
 */
public final class ContextTooLargeException extends LlmException {

    private final ModelRef model;
    private final long promptTokens;
    private final int maxOutputTokens;
    private final int contextWindow;

    public ContextTooLargeException(ModelRef model, long promptTokens, int maxOutputTokens, int contextWindow) {
        super("context too large for " + model + ": about " + promptTokens + " prompt tokens + " + maxOutputTokens
                + " output tokens > the window of " + contextWindow);
        this.model = model;
        this.promptTokens = promptTokens;
        this.maxOutputTokens = maxOutputTokens;
        this.contextWindow = contextWindow;
    }

    public ModelRef model() {
        return model;
    }

    public long promptTokens() {
        return promptTokens;
    }

    public int maxOutputTokens() {
        return maxOutputTokens;
    }

    public int contextWindow() {
        return contextWindow;
    }

    @Override
    public String code() {
        return "context_too_large";
    }
}
