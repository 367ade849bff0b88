package dev.samokoder.core.llm;

import dev.samokoder.core.domain.Project;
import dev.samokoder.core.models.ModelOverrides;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a call is for and what limits it: the run, project, user and agent it is recorded under,
 * the budgets it must fit, and the project's model choices.
 *
 * @param projectBudgetUsd     the project's budget; empty = no project cap (the user's monthly budget still applies)
 * @param userMonthlyBudgetUsd the user's monthly budget; empty = the configured default
 *                             ({@code SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD})
 */
public record CallScope(String runId, String projectId, String userId, String agent,
                        Optional<BigDecimal> projectBudgetUsd, Optional<BigDecimal> userMonthlyBudgetUsd,
                        ModelOverrides models) {

    public CallScope {
        requireName(runId, "runId");
        requireName(projectId, "projectId");
        requireName(userId, "userId");
        requireName(agent, "agent");
        Objects.requireNonNull(projectBudgetUsd, "projectBudgetUsd");
        Objects.requireNonNull(userMonthlyBudgetUsd, "userMonthlyBudgetUsd");
        Objects.requireNonNull(models, "models");
        projectBudgetUsd.ifPresent(CallScope::requireNotNegative);
        userMonthlyBudgetUsd.ifPresent(CallScope::requireNotNegative);
    }

    /** A scope with no project cap, the default monthly budget and the configured models. */
    public static CallScope of(String runId, String projectId, String userId, String agent) {
        return new CallScope(runId, projectId, userId, agent, Optional.empty(), Optional.empty(), ModelOverrides.none());
    }

    /**
     * A scope for a call of a run of this project: its owner pays, its budget applies, its model
     * choices win over the configured ones, the default monthly budget.
     */
    public static CallScope forProject(String runId, Project project, String agent) {
        return new CallScope(runId, project.id(), project.ownerId(), agent, project.settings().budgetUsd(), Optional.empty(),
                project.settings().models());
    }

    public CallScope withProjectBudget(BigDecimal usd) {
        return new CallScope(runId, projectId, userId, agent, Optional.of(usd), userMonthlyBudgetUsd, models);
    }

    public CallScope withUserMonthlyBudget(BigDecimal usd) {
        return new CallScope(runId, projectId, userId, agent, projectBudgetUsd, Optional.of(usd), models);
    }

    public CallScope withModels(ModelOverrides newModels) {
        return new CallScope(runId, projectId, userId, agent, projectBudgetUsd, userMonthlyBudgetUsd, newModels);
    }

    public CallScope forAgent(String newAgent) {
        return new CallScope(runId, projectId, userId, newAgent, projectBudgetUsd, userMonthlyBudgetUsd, models);
    }

    // ids and agent names end up inside DynamoDB keys, where '#' separates parts
    private static void requireName(String value, String name) {
        if (value == null || value.isBlank() || value.contains("#") || value.length() > 200) {
            throw new IllegalArgumentException(name + " must be non-blank, at most 200 characters and without '#', got '" + value + "'");
        }
    }

    private static void requireNotNegative(BigDecimal usd) {
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a budget must not be negative, got " + usd);
        }
    }
}
