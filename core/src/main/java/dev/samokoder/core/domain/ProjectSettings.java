package dev.samokoder.core.domain;

import dev.samokoder.core.models.ModelOverrides;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-project settings.
 *
 * @param budgetUsd the most this project may spend on model calls, in US dollars; empty = no project cap
 * @param models    the project's own model choices, over the configured ones (every call of its runs uses them)
 */
public record ProjectSettings(Optional<BigDecimal> budgetUsd, AutonomyMode autonomy, ModelOverrides models) {

    public ProjectSettings {
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        Objects.requireNonNull(autonomy, "autonomy");
        Objects.requireNonNull(models, "models");
        budgetUsd.ifPresent(budget -> {
            if (budget.signum() < 0) {
                throw new IllegalArgumentException("budgetUsd must not be negative");
            }
        });
        // DynamoDB stores numbers without trailing zeros; keep the same form so values compare equal.
        budgetUsd = budgetUsd.map(BigDecimal::stripTrailingZeros);
    }

    /** Settings that leave the models to the configuration. */
    public ProjectSettings(Optional<BigDecimal> budgetUsd, AutonomyMode autonomy) {
        this(budgetUsd, autonomy, ModelOverrides.none());
    }

    public static ProjectSettings defaults() {
        return new ProjectSettings(Optional.empty(), AutonomyMode.INTERACTIVE);
    }

    public ProjectSettings withModels(ModelOverrides newModels) {
        return new ProjectSettings(budgetUsd, autonomy, newModels);
    }
}
