package dev.samokoder.shared.workflow.agents.artifacts;

import java.util.List;
import java.util.Optional;

/**
 * One task of the plan, numbered from 1 in the order it is worked on.
 *
 * @param planRounds      Developer rounds so far (a refused command sends the Developer back)
 * @param lastFailureHash the hash of the last failed execution's output, to spot a repeated failure
 */
public record PlannedTask(int number, String epic, String title, String description, List<String> acceptanceTests,
                          TaskStatus status, int planRounds, Optional<String> lastFailureHash, long version) {

    public PlannedTask {
        acceptanceTests = List.copyOf(acceptanceTests);
    }

    public enum TaskStatus { PLANNED, DONE, FAILED }

    public PlannedTask withPlanRounds(int rounds) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, status, rounds, lastFailureHash, version);
    }

    public PlannedTask withLastFailureHash(String hash) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, status, planRounds, Optional.of(hash), version);
    }

    public PlannedTask withStatus(TaskStatus newStatus) {
        return new PlannedTask(number, epic, title, description, acceptanceTests, newStatus, planRounds, lastFailureHash, version);
    }
}
