package dev.samokoder.llm.context;

import dev.samokoder.core.llm.ContextTooLargeException;
import dev.samokoder.core.models.ModelSpec;
import java.util.OptionalInt;

/**
 * The rule that keeps a call inside a model's context window: the estimated prompt plus the
 * output allowance must fit, else the call fails with {@link ContextTooLargeException} before
 * anything is sent or reserved.
 */
public final class ContextFit {

    private ContextFit() {
    }

    /** The output allowance of a call: what it asked for, else the default, never above the model's limit. */
    public static int outputAllowance(ModelSpec model, OptionalInt requested, int configuredDefault) {
        return Math.min(requested.orElse(configuredDefault), model.maxOutputTokens());
    }

    /** @throws ContextTooLargeException if {@code promptTokens + maxOutputTokens} is over the window */
    public static void check(ModelSpec model, long promptTokens, int maxOutputTokens) {
        if (promptTokens + maxOutputTokens > model.contextWindow()) {
            throw new ContextTooLargeException(model.model(), promptTokens, maxOutputTokens, model.contextWindow());
        }
    }

    /** Prompt tokens still free for a step that will ask for {@code maxOutputTokens}: what it may add (files, history). */
    public static long promptTokensLeft(ModelSpec model, long promptTokensSoFar, int maxOutputTokens) {
        return Math.max(0, model.contextWindow() - maxOutputTokens - promptTokensSoFar);
    }
}
