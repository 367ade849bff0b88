package dev.samokoder.core.config;

/**
 * The bounds of every loop of a run (all configurable): no run loops forever.
 *
 * @param maxQuestions clarifying questions SpecWriter may ask in interactive mode
 * @param maxFixIterations fix iterations (BugHunter/Troubleshooter rounds) per task
 * @param maxCodingAttempts attempts CodeMonkey gets per file (write, self-review, retry)
 * @param maxSchemaRetries re-asks of a model whose structured answer fails its schema
 * @param codeMonkeyConcurrency files CodeMonkey writes at once (the Map's MaxConcurrency)
 * @param executionTimeLimitSeconds the wall-clock limit of one sandbox execution of a task's commands and tests
 * @param maxToolRounds model calls one agent step may make (its tool loop's rounds, re-asks included)
 * @param maxStepTokens prompt and completion tokens one agent step may use, summed over its rounds
 * @param stepTimeSliceSeconds how long one invocation of a step may run where no Lambda deadline
 *                             says (local mode); then the step saves its place and yields
 */
public record WorkflowLimits(int maxQuestions, int maxFixIterations, int maxCodingAttempts, int maxSchemaRetries,
                             int codeMonkeyConcurrency, int executionTimeLimitSeconds, int maxToolRounds, long maxStepTokens,
                             int stepTimeSliceSeconds) {

    public static final int DEFAULT_MAX_TOOL_ROUNDS = 40;
    public static final long DEFAULT_MAX_STEP_TOKENS = 1_000_000;
    public static final int DEFAULT_STEP_TIME_SLICE_SECONDS = 900;

    public WorkflowLimits {
        if (maxQuestions < 0 || maxFixIterations < 1 || maxCodingAttempts < 1 || maxSchemaRetries < 0
                || codeMonkeyConcurrency < 1 || codeMonkeyConcurrency > 40 || executionTimeLimitSeconds < 1 || maxToolRounds < 2
                || maxStepTokens < 1 || stepTimeSliceSeconds < 1) {
            throw new IllegalArgumentException("workflow limits must be positive (and a step needs 2 tool rounds): " + this);
        }
    }

    /** The given bounds with the default tool-loop bounds. */
    public WorkflowLimits(int maxQuestions, int maxFixIterations, int maxCodingAttempts, int maxSchemaRetries,
                          int codeMonkeyConcurrency, int executionTimeLimitSeconds) {
        this(maxQuestions, maxFixIterations, maxCodingAttempts, maxSchemaRetries, codeMonkeyConcurrency, executionTimeLimitSeconds,
                DEFAULT_MAX_TOOL_ROUNDS, DEFAULT_MAX_STEP_TOKENS, DEFAULT_STEP_TIME_SLICE_SECONDS);
    }

    public static WorkflowLimits defaults() {
        return new WorkflowLimits(5, 4, 3, 2, 4, 600);
    }

    public WorkflowLimits withToolLoop(int rounds, long stepTokens, int timeSliceSeconds) {
        return new WorkflowLimits(maxQuestions, maxFixIterations, maxCodingAttempts, maxSchemaRetries, codeMonkeyConcurrency,
                executionTimeLimitSeconds, rounds, stepTokens, timeSliceSeconds);
    }
}
