package dev.samokoder.services.runs.artifacts;

/** The stacks the sandbox images and the command policy know. */
public enum Stack {
    NODE,
    PYTHON
}
