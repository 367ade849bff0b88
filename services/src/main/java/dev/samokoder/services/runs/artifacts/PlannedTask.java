package dev.samokoder.services.runs.artifacts;

import java.util.List;

/**
 * One task of the plan, numbered from 1 in the order it is worked on.
 *
 * @param planRounds    Developer rounds so far (a refused command sends the Developer back)
 * @param fixBudgetFrom the first fix iteration of the task's current fix budget: a failure counts as
 *                      repeated when it matches one an iteration from here on addressed (a resume
 *                      of the run starts a fresh budget after the iterations before it)
 */
public record PlannedTask(int number, String epic, String title, String description, List<String> acceptanceTests,
                          TaskStatus status, int planRounds, int fixBudgetFrom, long version) {

    public PlannedTask {
        acceptanceTests = List.copyOf(acceptanceTests);
        if (fixBudgetFrom < 1) {
            throw new IllegalArgumentException("fix iterations count from 1, got a budget from " + fixBudgetFrom);
        }
    }

    public enum TaskStatus { PLANNED, DONE, FAILED }

    public PlannedTask withPlanRounds(int rounds) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, status, rounds, fixBudgetFrom, version);
    }

    /** The task with a fresh fix budget starting at iteration {@code from}. */
    public PlannedTask withFixBudgetFrom(int from) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, status, planRounds, from, version);
    }

    public PlannedTask withStatus(TaskStatus newStatus) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, newStatus, planRounds, fixBudgetFrom, version);
    }
}
