package dev.samokoder.core.models;

import java.util.Map;
import java.util.Objects;

/**
 * Which model each agent uses: a default and overrides per agent, from configuration. A project
 * may override both ({@link ModelOverrides}); the most specific choice wins: the project's
 * choice for the agent, the project's default, the configured choice for the agent, the
 * configured default.
 */
public record AgentModels(ModelRef defaultModel, Map<String, ModelRef> perAgent) {

    public AgentModels {
        Objects.requireNonNull(defaultModel, "defaultModel");
        perAgent = Map.copyOf(perAgent);
    }

    public ModelRef forAgent(String agent, ModelOverrides project) {
        ModelRef projectChoice = project.perAgent().get(agent);
        if (projectChoice != null) {
            return projectChoice;
        }
        return project.defaultModel().orElseGet(() -> perAgent.getOrDefault(agent, defaultModel));
    }
}
