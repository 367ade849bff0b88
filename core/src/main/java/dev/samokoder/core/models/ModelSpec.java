package dev.samokoder.core.models;

import java.util.Objects;

/**
 * What the gateway must know of a model before calling it: what it costs and how much it takes.
 *
 * @param contextWindow   tokens the model accepts, prompt and output together
 * @param maxOutputTokens the most output tokens one call may ask for
 * @param capabilities    what the model does natively (tool calls, schema-held answers)
 */
public record ModelSpec(ModelRef model, ModelPrices prices, int contextWindow, int maxOutputTokens, ModelCapabilities capabilities) {

    public ModelSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(capabilities, "capabilities");
        if (contextWindow <= 0 || maxOutputTokens <= 0 || maxOutputTokens > contextWindow) {
            throw new IllegalArgumentException(model + ": need 0 < maxOutputTokens <= contextWindow, got "
                    + maxOutputTokens + " and " + contextWindow);
        }
    }

    /** A model that calls tools natively and has no schema-held answers. */
    public ModelSpec(ModelRef model, ModelPrices prices, int contextWindow, int maxOutputTokens) {
        this(model, prices, contextWindow, maxOutputTokens, ModelCapabilities.TOOLS);
    }
}
