package dev.samokoder.api.projects;

import dev.samokoder.core.domain.Project;
import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A project as the API shows it. {@code version} is what a PATCH must send back. */
public record ProjectView(String id, String name, String description, Settings settings,
                          Instant createdAt, Instant updatedAt, long version) {

    /**
     * @param model       the project's model for all its agents; null: the configured ones
     * @param agentModels the project's model per agent, over {@code model}
     */
    public record Settings(BigDecimal budgetUsd, String autonomy, String model, Map<String, String> agentModels) {
    }

    static ProjectView of(Project project) {
        var models = project.settings().models();
        Map<String, String> agentModels = new TreeMap<>();
        models.perAgent().forEach((agent, model) -> agentModels.put(agent, model.toString()));
        return new ProjectView(project.id(), project.name(), project.description(),
                new Settings(project.settings().budgetUsd().orElse(null),
                        project.settings().autonomy().name().toLowerCase(Locale.ROOT),
                        models.defaultModel().map(ModelRef::toString).orElse(null), agentModels),
                project.createdAt(), project.updatedAt(), project.version());
    }
}
