package dev.samokoder.core.models;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A project's own model choices, over the configured ones: a default for all its agents and choices per agent. */
public record ModelOverrides(Optional<ModelRef> defaultModel, Map<String, ModelRef> perAgent) {

    public ModelOverrides {
        Objects.requireNonNull(defaultModel, "defaultModel");
        perAgent = Map.copyOf(perAgent);
    }

    public static ModelOverrides none() {
        return new ModelOverrides(Optional.empty(), Map.of());
    }
}
