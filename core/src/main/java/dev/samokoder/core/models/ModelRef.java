package dev.samokoder.core.models;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A model at a provider, written {@code provider:model} ({@code openai:gpt-4.1-mini},
 * {@code bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0}). Only the first colon separates:
 * Bedrock model ids carry colons of their own.
 */
public record ModelRef(Provider provider, String model) {

    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || !model.strip().equals(model)) {
            throw new IllegalArgumentException("a model name must be non-blank, without surrounding spaces");
        }
    }

    /** @throws IllegalArgumentException naming what is wrong and the providers there are */
    public static ModelRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a model is written provider:model (e.g. openai:gpt-4.1-mini), got '" + text + "'");
        }
        String providerName = text.substring(0, colon);
        Provider provider = Provider.fromWireName(providerName).orElseThrow(() -> new IllegalArgumentException(
                "unknown provider '" + providerName + "' in '" + text + "'; known: " + knownProviders()));
        return new ModelRef(provider, text.substring(colon + 1));
    }

    private static String knownProviders() {
        return Arrays.stream(Provider.values()).map(Provider::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return provider.wireName() + ":" + model;
    }
}
