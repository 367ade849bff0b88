package dev.samokoder.services.projects;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A partial update: empty means "leave as it is". {@code budgetUsd} and {@code model} are doubly
 * optional: empty leaves them, {@code Optional.of(Optional.empty())} removes them;
 * {@code agentModels} replaces the project's per-agent models as a whole (an empty map removes them).
 */
public record ProjectChanges(Optional<String> name, Optional<String> description,
                             Optional<Optional<BigDecimal>> budgetUsd, Optional<AutonomyMode> autonomy,
                             Optional<Optional<ModelRef>> model, Optional<Map<String, ModelRef>> agentModels) {

    /** Changes that leave the project's models as they are. */
    public ProjectChanges(Optional<String> name, Optional<String> description,
                          Optional<Optional<BigDecimal>> budgetUsd, Optional<AutonomyMode> autonomy) {
        this(name, description, budgetUsd, autonomy, Optional.empty(), Optional.empty());
    }
}
