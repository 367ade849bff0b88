package dev.samokoder.core.models;

import java.util.Arrays;
import java.util.Optional;

/** Where a model runs. The wire name is what configuration and the ledger spell. */
public enum Provider {
    OPENAI("openai"),
    ANTHROPIC("anthropic"),
    /** AWS Bedrock through the Converse API; credentials are the AWS ones, no API key. */
    BEDROCK("bedrock"),
    /** Any server speaking OpenAI chat completions at a configured base URL (Groq, OpenRouter, Ollama, LM Studio). */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** Answers from a recorded transcript; no model is called. */
    REPLAY("replay");

    private final String wireName;

    Provider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Provider> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
