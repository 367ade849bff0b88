package dev.samokoder.api.projects;

import dev.samokoder.api.http.Checks;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.services.runs.artifacts.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Request bodies of the project routes, each validated as it is read. */
final class ProjectRequests {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 20_000;
    static final BigDecimal MAX_BUDGET = new BigDecimal("100000");
    static final int MAX_MODEL = 200;
    private static final String MODEL_FORMAT_SHORT = "provider:model";
    private static final String MODEL_FORMAT = "must be provider:model (e.g. openai:gpt-4.1-mini), at most " + MAX_MODEL
            + " characters; providers: " + Arrays.stream(Provider.values()).map(Provider::wireName).collect(Collectors.joining(", "));

    private ProjectRequests() {
    }

    /**
     * Checked by the request that holds it, so that all of a body's errors are reported together.
     * {@code model} is the project's model for all its agents, {@code agentModels} its model per
     * agent (both {@code provider:model}, over the configured ones); that the models are priced is
     * checked by {@link ProjectOperations}, which has the price table.
     */
    record SettingsInput(JsonNode budgetUsd, String autonomy, JsonNode model, JsonNode agentModels) {
        Checks check(Checks checks) {
            checks.that(budgetUsd == null || budgetUsd.isNull() || budgetUsd.isNumber(), "settings.budgetUsd", "must be a number or null")
                    .that(budgetUsd == null || !budgetUsd.isNumber() || validBudget(budgetUsd.decimalValue()),
                            "settings.budgetUsd", "must be from 0 to " + MAX_BUDGET + " with at most 2 decimals")
                    .that(autonomy == null || parseAutonomy(autonomy).isPresent(), "settings.autonomy", "must be \"interactive\" or \"autonomous\"")
                    .that(model == null || model.isNull() || parseModel(model).isPresent(), "settings.model", MODEL_FORMAT + ", or null")
                    .that(agentModels == null || agentModels.isNull() || agentModels.isObject(), "settings.agentModels",
                            "must be an object of agent name to " + MODEL_FORMAT_SHORT + ", or null");
            if (agentModels != null && agentModels.isObject() && agentModels.size() > AgentNames.MODEL_CALLERS.size()) {
                checks.that(false, "settings.agentModels", "must name at most " + AgentNames.MODEL_CALLERS.size() + " agents");
            } else if (agentModels != null && agentModels.isObject()) {
                agentModels.properties().forEach(entry -> checks
                        .that(AgentNames.MODEL_CALLERS.contains(entry.getKey()), "settings.agentModels." + Text.clip(entry.getKey(), MAX_MODEL),
                                "is not an agent; the agents are " + String.join(", ", AgentNames.MODEL_CALLERS))
                        .that(parseModel(entry.getValue()).isPresent(), "settings.agentModels." + Text.clip(entry.getKey(), MAX_MODEL),
                                MODEL_FORMAT));
            }
            return checks;
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

        /** Absent: leave it; null: the configured models; a model: that one. */
        Optional<Optional<ModelRef>> modelChange() {
            return model == null ? Optional.empty() : Optional.of(parseModel(model));
        }

        /** Absent: leave them; null or {}: none of the project's own; an object: exactly these. */
        Optional<Map<String, ModelRef>> agentModelsChange() {
            if (agentModels == null) {
                return Optional.empty();
            }
            Map<String, ModelRef> models = new TreeMap<>();
            if (agentModels.isObject()) {
                agentModels.properties().forEach(entry -> models.put(entry.getKey(), parseModel(entry.getValue()).orElseThrow()));
            }
            return Optional.of(models);
        }

        /** Every model the settings name, with the field that names it. */
        Map<String, ModelRef> namedModels() {
            Map<String, ModelRef> named = new LinkedHashMap<>();
            modelChange().flatMap(m -> m).ifPresent(m -> named.put("settings.model", m));
            agentModelsChange().orElse(Map.of()).forEach((agent, m) -> named.put("settings.agentModels." + agent, m));
            return named;
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

    private static Optional<ModelRef> parseModel(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().length() > MAX_MODEL) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelRef.parse(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<AutonomyMode> parseAutonomy(String value) {
        try {
            return Optional.of(AutonomyMode.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
