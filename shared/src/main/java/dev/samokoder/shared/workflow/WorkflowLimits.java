package dev.samokoder.shared.workflow;

/**
 * The bounds of every loop of a run (all configurable): no run loops forever.
 *
 * @param maxQuestions clarifying questions SpecWriter may ask in interactive mode
 * @param maxFixIterations fix iterations (BugHunter/Troubleshooter rounds) per task
 * @param maxCodingAttempts attempts CodeMonkey gets per file (write, self-review, retry)
 * @param maxSchemaRetries re-asks of a model whose structured answer fails its schema
 * @param codeMonkeyConcurrency files CodeMonkey writes at once (the Map's MaxConcurrency)
 * @param executionTimeLimitSeconds the wall-clock limit of one sandbox execution of a task's commands and tests
 */
public record WorkflowLimits(int maxQuestions, int maxFixIterations, int maxCodingAttempts, int maxSchemaRetries,
                             int codeMonkeyConcurrency, int executionTimeLimitSeconds) {

    public WorkflowLimits {
        if (maxQuestions < 0 || maxFixIterations < 1 || maxCodingAttempts < 1 || maxSchemaRetries < 0
                || codeMonkeyConcurrency < 1 || codeMonkeyConcurrency > 40 || executionTimeLimitSeconds < 1) {
            throw new IllegalArgumentException("workflow limits must be positive: " + this);
        }
    }

    public static WorkflowLimits defaults() {
        return new WorkflowLimits(5, 4, 3, 2, 4, 600);
    }
}
