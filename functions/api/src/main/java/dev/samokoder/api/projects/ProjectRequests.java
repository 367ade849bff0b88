package dev.samokoder.api.projects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.api.http.Checks;
import dev.samokoder.shared.domain.AutonomyMode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Request bodies of the project routes, each validated as it is read. */
final class ProjectRequests {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 20_000;
    static final BigDecimal MAX_BUDGET = new BigDecimal("100000");

    private ProjectRequests() {
    }

    /** Checked by the request that holds it, so that all of a body's errors are reported together. */
    record SettingsInput(JsonNode budgetUsd, String autonomy) {
        Checks check(Checks checks) {
            return checks
                    .that(budgetUsd == null || budgetUsd.isNull() || budgetUsd.isNumber(), "settings.budgetUsd", "must be a number or null")
                    .that(budgetUsd == null || !budgetUsd.isNumber() || validBudget(budgetUsd.decimalValue()),
                            "settings.budgetUsd", "must be from 0 to " + MAX_BUDGET + " with at most 2 decimals")
                    .that(autonomy == null || parseAutonomy(autonomy).isPresent(), "settings.autonomy", "must be \"interactive\" or \"autonomous\"");
        }

        /** Absent: leave it; null: no budget; a number: that budget. */
        Optional<Optional<BigDecimal>> budgetChange() {
            if (budgetUsd == null) {
                return Optional.empty();
            }
            return Optional.of(budgetUsd.isNull() ? Optional.empty() : Optional.of(budgetUsd.decimalValue()));
        }

        Optional<AutonomyMode> autonomyChange() {
            return autonomy == null ? Optional.empty() : parseAutonomy(autonomy);
        }
    }

    record CreateProject(String name, String description, SettingsInput settings) {
        CreateProject {
            Checks checks = Checks.of().required("name", name)
                    .text("name", name == null ? null : name.strip(), 1, MAX_NAME, false)
                    .text("description", description, 0, MAX_DESCRIPTION, true);
            (settings == null ? checks : settings.check(checks)).done();
        }
    }

    record UpdateProject(Long version, String name, String description, SettingsInput settings) {
        UpdateProject {
            Checks checks = Checks.of().required("version", version)
                    .that(version == null || version > 0, "version", "must be the version you read (a positive number)")
                    .text("name", name == null ? null : name.strip(), 1, MAX_NAME, false)
                    .text("description", description, 0, MAX_DESCRIPTION, true);
            (settings == null ? checks : settings.check(checks)).done();
        }
    }

    private static boolean validBudget(BigDecimal budget) {
        return budget.signum() >= 0 && budget.compareTo(MAX_BUDGET) <= 0 && budget.stripTrailingZeros().scale() <= 2;
    }

    private static Optional<AutonomyMode> parseAutonomy(String value) {
        try {
            return Optional.of(AutonomyMode.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
