package dev.samokoder.shared.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-project settings.
 *
 * @param budgetUsd the most this project may spend on model calls, in US dollars; empty = no project cap
 */
public record ProjectSettings(Optional<BigDecimal> budgetUsd, AutonomyMode autonomy) {

    public ProjectSettings {
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        Objects.requireNonNull(autonomy, "autonomy");
        budgetUsd.ifPresent(budget -> {
            if (budget.signum() < 0) {
                throw new IllegalArgumentException("budgetUsd must not be negative");
            }
        });
        // DynamoDB stores numbers without trailing zeros; keep the same form so values compare equal.
        budgetUsd = budgetUsd.map(BigDecimal::stripTrailingZeros);
    }

    public static ProjectSettings defaults() {
        return new ProjectSettings(Optional.empty(), AutonomyMode.INTERACTIVE);
    }
}
