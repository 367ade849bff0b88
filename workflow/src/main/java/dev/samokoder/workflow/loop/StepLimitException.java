package dev.samokoder.workflow.loop;

/**
 * A step used every model call or token its loop may use without finishing
 * ({@code SAMOKODER_WORKFLOW_MAX_TOOL_ROUNDS}, {@code SAMOKODER_WORKFLOW_MAX_STEP_TOKENS}). Nothing
 * it had not already saved is kept; the state machine fails the run with this message.
 */
public final class StepLimitException extends RuntimeException {

    public StepLimitException(String message) {
        super(message);
    }
}
