package dev.samokoder.core.domain;

/** Whether a run may stop to ask the user questions. */
public enum AutonomyMode {
    /** Agents ask clarifying questions and the run waits for the answers. */
    INTERACTIVE,
    /** Agents do not ask; they record the assumptions they made instead. */
    AUTONOMOUS
}
