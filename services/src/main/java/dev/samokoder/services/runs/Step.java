package dev.samokoder.services.runs;

/**
 * What the state machine does next. Each value is a state in the ASL file's dispatch Choice
 * (the agents by name, plus the states that are not agents).
 */
public enum Step {
    SPEC_WRITER,
    /** Pause on a task token until the user answers the open questions. */
    ASK_USER,
    ARCHITECT,
    TECH_LEAD,
    DEVELOPER,
    /** Write the task's pending files, one CodeMonkey per file, in a Map. */
    CODE_MONKEY,
    EXECUTOR,
    /** Failing tests: find the bug and plan a fix iteration. */
    BUG_HUNTER,
    /** A failing command (install, build, start): find the cause and plan a fix iteration. */
    TROUBLESHOOTER,
    /** The same failure came back after a fix: step back and rethink the approach once. */
    PROBLEM_SOLVER,
    /** The task passed: snapshot the workspace and move to the next task. */
    COMPLETE_TASK,
    TECHNICAL_WRITER,
    /** Export, usage totals, run summary; the run succeeds. */
    FINALIZE,
    /** Stop the run as failed, keeping the workspace at the last good snapshot. */
    FAIL
}
