package dev.samokoder.shared.workflow.agents.artifacts;

/** The stacks the sandbox images and the command policy know. */
public enum Stack {
    NODE,
    PYTHON
}
