package dev.samokoder.core.config;

/**
 * The sizes agents keep to, so no stored artifact or prompt grows without bound: each one a setting
 * ({@code SAMOKODER_WORKFLOW_MAX_TEXT_CHARS} and the six after it); {@link #defaults()} are theirs, sane for a
 * small app.
 *
 * @param maxTextChars       any one stored text (spec, description, diagnosis, instructions)
 * @param maxListItems       any one stored list (assumptions, acceptance tests, dependencies, argv)
 * @param maxTasks           tasks in a plan
 * @param maxStepsPerTask    steps one task may accumulate, fix iterations included
 * @param maxFileChars       one generated file, and the current content shown to CodeMonkey
 * @param maxExecOutputChars the failed execution's output shown to BugHunter/Troubleshooter
 * @param maxPlanRounds      Developer rounds per task when the policy refuses a proposed command
 */
public record AgentLimits(int maxTextChars, int maxListItems, int maxTasks, int maxStepsPerTask, int maxFileChars,
                          int maxExecOutputChars, int maxPlanRounds) {

    public AgentLimits {
        if (maxTextChars < 100 || maxListItems < 1 || maxTasks < 1 || maxStepsPerTask < 1 || maxFileChars < 100
                || maxExecOutputChars < 100 || maxPlanRounds < 1) {
            throw new IllegalArgumentException("agent limits too small: " + this);
        }
    }

    public static AgentLimits defaults() {
        return new AgentLimits(8_000, 30, 40, 60, 100_000, 8_000, 3);
    }
}
