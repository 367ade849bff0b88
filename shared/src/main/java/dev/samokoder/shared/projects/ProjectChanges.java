package dev.samokoder.shared.projects;

import dev.samokoder.shared.domain.AutonomyMode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A partial update: empty means "leave as it is". {@code budgetUsd} is doubly optional: empty
 * leaves the budget, {@code Optional.of(Optional.empty())} removes it.
 */
public record ProjectChanges(Optional<String> name, Optional<String> description,
                             Optional<Optional<BigDecimal>> budgetUsd, Optional<AutonomyMode> autonomy) {
}
