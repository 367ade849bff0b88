package dev.samokoder.shared.workflow;

/**
 * The bounds of every loop of a run (all configurable): no run loops forever.
 *
 * @param maxQuestions clarifying questions SpecWriter may ask in interactive mode
 * @param maxFixIterations fix iterations (BugHunter/Troubleshooter rounds) per task
 * @param maxCodingAttempts attempts CodeMonkey gets per file (write, self-review, retry)
 * @param maxSchemaRetries re-asks of a model whose structured answer fails its schema
 */
public record WorkflowLimits(int maxQuestions, int maxFixIterations, int maxCodingAttempts, int maxSchemaRetries) {

    public WorkflowLimits {
        if (maxQuestions < 0 || maxFixIterations < 1 || maxCodingAttempts < 1 || maxSchemaRetries < 0) {
            throw new IllegalArgumentException("workflow limits must be positive: " + this);
        }
    }

    public static WorkflowLimits defaults() {
        return new WorkflowLimits(5, 4, 3, 2);
    }
}
