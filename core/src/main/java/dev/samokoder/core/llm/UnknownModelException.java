package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelRef;

/** The model has no entry in the price table, so its cost cannot be bounded: configuration to fix. */
public final class UnknownModelException extends LlmException {

    public UnknownModelException(ModelRef model) {
        super("no price for " + model + ": add it to the price table (SAMOKODER_LLM_PRICE_TABLE) or choose a listed model");
    }

    @Override
    public String code() {
        return "unknown_model";
    }
}
